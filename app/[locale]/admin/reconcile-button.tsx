"use client";

import { useActionState } from "react";
import { runReconciliationAction, type ReconcileState } from "./actions";

export function ReconcileButton() {
  const [state, action, pending] = useActionState(runReconciliationAction, { message: "" } satisfies ReconcileState);
  return (
    <form action={action} className="inline-form">
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Reconciling…" : "Run reconciliation"}
      </button>
      <span role="status" aria-live="polite" className="form-status">
        {state.message}
      </span>
    </form>
  );
}
