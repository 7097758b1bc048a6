"use client";

import { useActionState, useState } from "react";
import type { Device, Wallet } from "@/lib/qfpay/pay-types";
import { startCheckoutAction, type CheckoutState } from "./actions";

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
        <label>
          <input
            type="radio"
            name="device"
            value="desktop"
            checked={device === "desktop"}
            onChange={() => setDevice("desktop")}
          />
          <span>
            Pay on this computer
            <span className="field-hint">Scan a QR code with your phone</span>
          </span>
        </label>
        <label>
          <input
            type="radio"
            name="device"
            value="mobile"
            checked={device === "mobile"}
            onChange={() => setDevice("mobile")}
          />
          <span>
            Pay on my phone
            <span className="field-hint">Open the wallet app on this device</span>
          </span>
        </label>
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
