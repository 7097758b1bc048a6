"use client";

import { useActionState } from "react";
import { retryPaymentAction, type RetryState } from "./actions";
import type { RetryChoice } from "./retry-choices";

const initial: RetryState = { message: "" };

/** Buttons that start another attempt: the same wallet again, the other wallet, or the other device. */
export function RetryOptions({ orderId, token, choices }: { orderId: string; token?: string; choices: RetryChoice[] }) {
  const [state, action, pending] = useActionState(retryPaymentAction.bind(null, orderId, token), initial);
  return (
    <>
      <div className="retry-options">
        {choices.map((choice) => (
          <form key={`${choice.wallet}-${choice.device}`} action={action}>
            <input type="hidden" name="wallet" value={choice.wallet} />
            <input type="hidden" name="device" value={choice.device} />
            <button type="submit" className={`button ${choice.primary ? "button-primary" : ""}`} disabled={pending}>
              {choice.label}
            </button>
          </form>
        ))}
      </div>
      <p role="status" aria-live="polite" className="form-status form-status-error">
        {state.message}
      </p>
    </>
  );
}
