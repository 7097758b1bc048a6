import { toCbtisAmount } from "../../cbtis/amount";
import type { Device, Wallet } from "../../qfpay/pay-types";
import type { ShopperProblem } from "../../shopper-problem";

/** Why a total cannot be paid through CBTIS: it settles HKD only (seed 003), and only a positive amount. */
export function cbtisWalletRefusal(
  wallet: Wallet,
  _device: Device,
  total: number,
  currency: string,
): ShopperProblem | null {
  if (toCbtisAmount(total, currency) === null) return { code: "walletCurrency", wallet, currency: "HKD" };
  if (total <= 0) return { code: "walletMinimum", wallet, minimum: 0, currency };
  return null;
}
