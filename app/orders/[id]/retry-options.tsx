import type { Wallet } from "@/lib/qfpay/pay-types";
import { WALLET_NAMES } from "@/lib/qfpay/pay-types";
import { retryPaymentAction } from "./actions";

export interface RetryChoice {
  wallet: Wallet;
  device: "desktop" | "mobile";
  label: string;
  primary?: boolean;
}

/** Buttons that start another attempt: the same wallet again, the other wallet, or the other device. */
export function RetryOptions({ orderId, token, choices }: { orderId: string; token?: string; choices: RetryChoice[] }) {
  const action = retryPaymentAction.bind(null, orderId, token);
  return (
    <div className="retry-options">
      {choices.map((choice) => (
        <form key={`${choice.wallet}-${choice.device}`} action={action}>
          <input type="hidden" name="wallet" value={choice.wallet} />
          <input type="hidden" name="device" value={choice.device} />
          <button type="submit" className={`button ${choice.primary ? "button-primary" : ""}`}>
            {choice.label}
          </button>
        </form>
      ))}
    </div>
  );
}

/** "Try again with" the wallet just used, then "Pay with" each other wallet the shop offers. */
export function walletChoices(wallets: Wallet[], current: Wallet, device: "desktop" | "mobile"): RetryChoice[] {
  const ordered = [current, ...wallets.filter((wallet) => wallet !== current)].filter((wallet) => wallets.includes(wallet));
  return ordered.map((wallet, index) => ({
    wallet,
    device,
    label: index === 0 ? `Try again with ${WALLET_NAMES[wallet]}` : `Pay with ${WALLET_NAMES[wallet]}`,
    primary: index === 0,
  }));
}
