import { toCbtisAmount } from "../../cbtis/amount";
import { WALLET_NAMES, type Device, type Wallet } from "../../qfpay/pay-types";

/** Why a total cannot be paid through CBTIS: it settles HKD only (seed 003), and only a positive amount. */
export function cbtisWalletRefusal(wallet: Wallet, _device: Device, total: number, currency: string): string | null {
  if (toCbtisAmount(total, currency) === null) return `${WALLET_NAMES[wallet]} takes payments in HKD only.`;
  if (total <= 0) return `${WALLET_NAMES[wallet]} needs a total above nothing.`;
  return null;
}
