import { formatMoney } from "../../money";
import { isCurrencyCode } from "../../qfpay/currencies";
import { amountRefusal, payTypeFor, WALLET_NAMES, type Device, type Wallet } from "../../qfpay/pay-types";

/** Why a total cannot be paid with a wallet, in words a shopper understands; null when it can. */
export function walletRefusal(wallet: Wallet, device: Device, total: number, currency: string): string | null {
  if (!isCurrencyCode(currency)) return `${currency} is not a currency QFPay takes.`;
  const refusal = amountRefusal(payTypeFor(wallet, device), total, currency);
  if (refusal?.kind === "currency") return `${WALLET_NAMES[wallet]} takes payments in ${refusal.only} only.`;
  if (refusal?.kind === "minimum")
    return `${WALLET_NAMES[wallet]} needs a total above ${formatMoney(refusal.minimumExclusive, currency)}.`;
  return null;
}
