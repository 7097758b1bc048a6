"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { Device, Wallet } from "@/lib/qfpay/pay-types";
import { startCheckoutAction, type CheckoutState } from "./actions";

const DEVICES = ["desktop", "mobile"] as const;

export interface WalletOption {
  wallet: Wallet;
  /** The button's words ("Pay with AlipayHK"), in the page's language. */
  label: string;
  /** Why this wallet cannot take this total, per device; null when it can. */
  refusal: { desktop: string | null; mobile: string | null };
}

export function CheckoutForm({
  wallets,
  guessedDevice,
  initialEmail = "",
}: {
  wallets: WalletOption[];
  guessedDevice: Device;
  /** The address typed before a trip to Alipay's authorisation, given back. */
  initialEmail?: string;
}) {
  const t = useTranslations("checkout");
  const initial: CheckoutState = { status: "idle", message: "", email: initialEmail };
  const [state, action, pending] = useActionState(startCheckoutAction, initial);
  const [device, setDevice] = useState(guessedDevice);
  return (
    <form action={action} className="checkout-form" noValidate>
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          defaultValue={state.email}
          aria-invalid={state.emailError ? true : undefined}
          aria-describedby={state.emailError ? "email-error" : "email-hint"}
        />
        {state.emailError ? (
          <p id="email-error" className="field-error">
            {state.emailError}
          </p>
        ) : (
          <p id="email-hint" className="field-hint">
            {t("emailHint")}
          </p>
        )}
      </div>

      <fieldset className="field device-choice">
        <legend>{t("where")}</legend>
        {DEVICES.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="device"
              value={choice}
              checked={device === choice}
              onChange={() => setDevice(choice)}
            />
            <span>
              {t(`devices.${choice}.label`)}
              <span className="field-hint">{t(`devices.${choice}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="wallet-buttons" role="group" aria-label={t("payWithGroup")}>
        {wallets.map(({ wallet, label, refusal }) => {
          const reason = refusal[device];
          return (
            <div key={wallet} className="wallet-option">
              <button
                type="submit"
                name="wallet"
                value={wallet}
                className={`button wallet-button wallet-${wallet}`}
                disabled={pending || reason !== null}
                aria-describedby={reason ? `refusal-${wallet}` : undefined}
              >
                {label}
              </button>
              {reason && (
                <p id={`refusal-${wallet}`} className="field-hint">
                  {reason}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <p role="status" aria-live="polite" className={`form-status form-status-${state.status}`}>
        {pending ? t("starting") : state.message}
      </p>
    </form>
  );
}
