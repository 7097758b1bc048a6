"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { runReconciliationAction, type ReconcileState } from "./actions";

export function ReconcileButton() {
  const t = useTranslations("admin.reconcile");
  const [state, action, pending] = useActionState(runReconciliationAction, { message: "" } satisfies ReconcileState);
  return (
    <form action={action} className="inline-form">
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("busy") : t("run")}
      </button>
      <span role="status" aria-live="polite" className="form-status">
        {state.message}
      </span>
    </form>
  );
}
