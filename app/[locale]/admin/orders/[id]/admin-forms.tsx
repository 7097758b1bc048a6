"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
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
  /** "HK$128.00 paid, HK$100.00 left to refund", in the admin's language. */
  summary: string;
}

/** The form's words (messages "admin.refund"): a refund the shop sends, or one made in the provider's portal. */
function useRefundWords(mode: "send" | "record") {
  const t = useTranslations("admin.refund");
  return mode === "send"
    ? {
        submit: t("send.submit"),
        amount: t("send.amount"),
        all: t("send.all"),
        busy: t("send.busy"),
        confirm: t("send.confirm"),
      }
    : {
        submit: t("record.submit"),
        amount: t("record.amount"),
        all: t("record.all"),
        busy: t("record.busy"),
        confirm: t("record.confirm"),
      };
}

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
  mode?: "send" | "record";
}) {
  const t = useTranslations("admin.refund");
  const [state, action, pending] = useActionState(refund, initial);
  const words = useRefundWords(mode);
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
            {words.confirm}
          </button>
          <a href={cancelHref} className="button button-quiet">
            {t("cancel")}
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
            {t.rich("onlyPayment", {
              syssn: only.syssn,
              summary: only.summary,
              mono: (chunks) => <span className="mono">{chunks}</span>,
            })}
          </p>
        </>
      ) : (
        <fieldset className="payment-choice">
          <legend>{t("choosePayment")}</legend>
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
          {words.submit}
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
  const t = useTranslations("admin.query");
  const [state, action, pending] = useActionState(query, initial);
  return (
    <form action={action} className="inline-form">
      <button type="submit" className="button" disabled={pending}>
        {t("now", { provider })}
      </button>
      <Status state={state} pending={pending} busy={t("asking", { provider })} />
    </form>
  );
}

export function ResolveReviewForm({ resolve }: { resolve: BoundAdminAction }) {
  const t = useTranslations("admin.review");
  const [state, action, pending] = useActionState(resolve, initial);
  return (
    <form action={action} className="admin-form">
      <label>
        {t("note")}
        <textarea name="note" rows={2} maxLength={500} required />
      </label>
      <button type="submit" className="button" disabled={pending}>
        {t("markReviewed")}
      </button>
      <Status state={state} pending={pending} busy={t("saving")} />
    </form>
  );
}
