import { isCurrencyCode } from "../../qfpay/currencies";
import { amountRefusal, payTypeFor, type Device, type Wallet } from "../../qfpay/pay-types";
import type { ShopperProblem } from "../../shopper-problem";

/** Why QFPay cannot take a total with a wallet (its currencies, its minimums); null when it can. */
export function walletRefusal(wallet: Wallet, device: Device, total: number, currency: string): ShopperProblem | null {
  if (!isCurrencyCode(currency)) return { code: "currencyNotTaken", currency };
  const refusal = amountRefusal(payTypeFor(wallet, device), total, currency);
  if (refusal?.kind === "currency") return { code: "walletCurrency", wallet, currency: refusal.only };
  if (refusal?.kind === "minimum")
    return { code: "walletMinimum", wallet, minimum: refusal.minimumExclusive, currency };
  return null;
}
