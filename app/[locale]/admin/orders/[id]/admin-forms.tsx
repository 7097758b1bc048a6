"use client";

import { useActionState } from "react";
import type { AdminFormState } from "./actions";

const initial: AdminFormState = { status: "idle", message: "" };

/**
 * An order's action with the order id already bound, by the page (a Server Component). Bound here, in
 * the browser's component, each render would make a new bound action whose arguments are a fresh
 * promise; after a form post without JavaScript, React's server render checks that promise, suspends
 * on it, renders again, binds again, and spins forever at full CPU.
 */
export type BoundAdminAction = (previous: AdminFormState, form: FormData) => Promise<AdminFormState>;

function Status({ state, pending, busy }: { state: AdminFormState; pending: boolean; busy: string }) {
  return (
    <p role="status" aria-live="polite" className={`form-status form-status-${state.status}`}>
      {pending ? busy : state.status === "confirm" ? "" : state.message}
    </p>
  );
}

/** A payment of the order that can still be refunded, as the form offers it. */
export interface RefundablePayment {
  attemptId: number;
  syssn: string;
  /** "HK$128.00 paid, HK$100.00 left". */
  summary: string;
}

/** The form's words: a refund the shop sends, or one made in the provider's portal that the admin records. */
const WORDS = {
  send: { verb: "Refund", amount: "Amount to refund", all: "Refund everything left", busy: "Refunding…" },
  record: {
    verb: "Record",
    amount: "Amount refunded in the portal",
    all: "Record everything left",
    busy: "Recording…",
  },
} as const;

export function RefundForm({
  refund,
  requestKey,
  payments,
  cancelHref,
  mode = "send",
}: {
  refund: BoundAdminAction;
  requestKey: string;
  payments: RefundablePayment[];
  /** Where "Cancel" on the confirmation goes: this order's page, as it was. */
  cancelHref: string;
  mode?: keyof typeof WORDS;
}) {
  const [state, action, pending] = useActionState(refund, initial);
  const words = WORDS[mode];
  const only = payments.length === 1 ? payments[0] : undefined;
  if (state.status === "confirm" && state.confirm) {
    const { confirm } = state;
    return (
      <form action={action} className="admin-form refund-confirm">
        <input type="hidden" name="requestKey" value={requestKey} />
        <input type="hidden" name="payment" value={confirm.payment} />
        <input type="hidden" name="amount" value={confirm.amount} />
        {confirm.full && <input type="hidden" name="full" value="1" />}
        <input type="hidden" name="confirmed" value="1" />
        <p id="refund-confirm-text" className="refund-confirm-text">
          {state.message}
        </p>
        <div className="retry-options">
          <button
            type="submit"
            className="button button-danger"
            disabled={pending}
            aria-describedby="refund-confirm-text"
          >
            Confirm {mode === "send" ? "refund" : "record"}
          </button>
          <a href={cancelHref} className="button button-quiet">
            Cancel
          </a>
        </div>
        <Status state={state} pending={pending} busy={words.busy} />
      </form>
    );
  }
  return (
    <form action={action} className="admin-form">
      <input type="hidden" name="requestKey" value={requestKey} />
      {only ? (
        <>
          <input type="hidden" name="payment" value={only.attemptId} />
          <p id="refund-left" className="field-hint">
            Payment <span className="mono">{only.syssn}</span>: {only.summary}.
          </p>
        </>
      ) : (
        <fieldset className="payment-choice">
          <legend>Payment to refund</legend>
          {payments.map((payment, index) => (
            <label key={payment.attemptId}>
              <input type="radio" name="payment" value={payment.attemptId} defaultChecked={index === 0} required />{" "}
              <span className="mono">{payment.syssn}</span>: {payment.summary}
            </label>
          ))}
        </fieldset>
      )}
      <label>
        {words.amount}
        <input
          type="text"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          aria-describedby={only ? "refund-left" : undefined}
        />
      </label>
      <div className="retry-options">
        <button type="submit" className="button button-primary" disabled={pending}>
          {words.verb} amount
        </button>
        <button type="submit" name="full" value="1" className="button" disabled={pending}>
          {words.all}
        </button>
      </div>
      <Status state={state} pending={pending} busy={words.busy} />
    </form>
  );
}

export function QueryNowButton({
  query,
  provider,
}: {
  query: (previous: AdminFormState, form: FormData) => Promise<AdminFormState>;
  /** The payment provider's name ("QFPay"). */
  provider: string;
}) {
  const [state, action, pending] = useActionState(query, initial);
  return (
    <form action={action} className="inline-form">
      <button type="submit" className="button" disabled={pending}>
        Query {provider} now
      </button>
      <Status state={state} pending={pending} busy={`Asking ${provider}…`} />
    </form>
  );
}

export function ResolveReviewForm({ resolve }: { resolve: BoundAdminAction }) {
  const [state, action, pending] = useActionState(resolve, initial);
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
