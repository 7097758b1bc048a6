"use client";

import { useActionState } from "react";
import { queryOrderNowAction, refundOrderAction, resolveReviewAction, type AdminFormState } from "./actions";

const initial: AdminFormState = { status: "idle", message: "" };

function Status({ state, pending, busy }: { state: AdminFormState; pending: boolean; busy: string }) {
  return (
    <p role="status" aria-live="polite" className={`form-status form-status-${state.status}`}>
      {pending ? busy : state.message}
    </p>
  );
}

export function RefundForm({ orderId, requestKey, leftText }: { orderId: string; requestKey: string; leftText: string }) {
  const [state, action, pending] = useActionState(refundOrderAction.bind(null, orderId), initial);
  return (
    <form action={action} className="admin-form">
      <input type="hidden" name="requestKey" value={requestKey} />
      <label>
        Amount to refund
        <input type="text" name="amount" inputMode="decimal" autoComplete="off" aria-describedby="refund-left" />
      </label>
      <p id="refund-left" className="field-hint">
        {leftText}
      </p>
      <div className="retry-options">
        <button type="submit" className="button button-primary" disabled={pending}>
          Refund amount
        </button>
        <button type="submit" name="full" value="1" className="button" disabled={pending}>
          Refund everything left
        </button>
      </div>
      <Status state={state} pending={pending} busy="Refunding…" />
    </form>
  );
}

export function QueryNowButton({ orderId }: { orderId: string }) {
  const [state, action, pending] = useActionState(queryOrderNowAction.bind(null, orderId), initial);
  return (
    <form action={action} className="inline-form">
      <button type="submit" className="button" disabled={pending}>
        Query QFPay now
      </button>
      <Status state={state} pending={pending} busy="Asking QFPay…" />
    </form>
  );
}

export function ResolveReviewForm({ orderId }: { orderId: string }) {
  const [state, action, pending] = useActionState(resolveReviewAction.bind(null, orderId), initial);
  return (
    <form action={action} className="admin-form">
      <label>
        Note
        <textarea name="note" rows={2} maxLength={500} required />
      </label>
      <button type="submit" className="button" disabled={pending}>
        Mark as reviewed
      </button>
      <Status state={state} pending={pending} busy="Saving…" />
    </form>
  );
}
