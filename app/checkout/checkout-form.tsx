"use client";

import { useActionState, useState } from "react";
import type { Device, Wallet } from "@/lib/qfpay/pay-types";
import { startCheckoutAction, type CheckoutState } from "./actions";

const DEVICE_CHOICES = [
  { device: "desktop", label: "Pay on this computer", hint: "Scan a QR code with your phone" },
  { device: "mobile", label: "Pay on my phone", hint: "Open the wallet app on this device" },
] as const;

export interface WalletOption {
  wallet: Wallet;
  label: string;
  /** Why this wallet cannot take this total, per device; null when it can. */
  refusal: { desktop: string | null; mobile: string | null };
}

const initial: CheckoutState = { status: "idle", message: "", email: "" };

export function CheckoutForm({ wallets, guessedDevice }: { wallets: WalletOption[]; guessedDevice: Device }) {
  const [state, action, pending] = useActionState(startCheckoutAction, initial);
  const [device, setDevice] = useState(guessedDevice);
  return (
    <form action={action} className="checkout-form" noValidate>
      <div className="field">
        <label htmlFor="email">Email</label>
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
            For your receipt. We send nothing else.
          </p>
        )}
      </div>

      <fieldset className="field device-choice">
        <legend>Where will you pay?</legend>
        {DEVICE_CHOICES.map((choice) => (
          <label key={choice.device}>
            <input
              type="radio"
              name="device"
              value={choice.device}
              checked={device === choice.device}
              onChange={() => setDevice(choice.device)}
            />
            <span>
              {choice.label}
              <span className="field-hint">{choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="wallet-buttons" role="group" aria-label="Pay with">
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
                Pay with {label}
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
        {pending ? "Starting your payment…" : state.message}
      </p>
    </form>
  );
}
