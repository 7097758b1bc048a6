import type { CbtisFlow, CbtisWallet } from "../../cbtis/intent-request";
import type { Device, Wallet } from "../../qfpay/pay-types";

/** The shop's wallet in CBTIS's words: Alipay (mainland wallet) is ALIPAYCN, AlipayHK is ALIPAYHK. */
const WALLET_CODES: Record<Wallet, CbtisWallet> = { alipay: "ALIPAYCN", alipayhk: "ALIPAYHK" };

/**
 * A CBTIS payment method as the attempt stores it: the wallet and the flow, e.g. "ALIPAYHK/web_qrcode".
 * A computer gets the QR code flow, a phone the redirect.
 */
export function cbtisMethodFor(wallet: Wallet, device: Device): string {
  return `${WALLET_CODES[wallet]}/${device === "desktop" ? "web_qrcode" : "mobile_web"}`;
}

/** The wallet and flow of a stored method; null for one this gateway never wrote. */
export function readCbtisMethod(method: string): { wallet: CbtisWallet; flow: CbtisFlow } | null {
  const [wallet, flow] = method.split("/");
  if ((wallet === "ALIPAYCN" || wallet === "ALIPAYHK") && (flow === "web_qrcode" || flow === "mobile_web"))
    return { wallet, flow };
  return null;
}
