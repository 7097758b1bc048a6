import type { AlipaySessionFields } from "./alipay-authorisation";
import type { DeviceGuess } from "./device";
import type { Wallet } from "../qfpay/pay-types";

/**
 * How a shopper pays with Alipay from here: inside the Alipay app with the Service Window configured, in
 * Alipay's own cashier (800107) once the shop holds their user id, after the authorisation before that;
 * everywhere else, or once they declined it, through Alipay's web page (the WAP or QR flow).
 */
export type AlipayWay = { kind: "in-app"; userId: string } | { kind: "authorise" } | { kind: "web" };

export function alipayWay(
  wallet: Wallet,
  serviceWindow: boolean,
  device: Pick<DeviceGuess, "alipayApp">,
  session: AlipaySessionFields,
): AlipayWay {
  if (wallet !== "alipay" || !serviceWindow || !device.alipayApp) return { kind: "web" };
  if (session.alipayUserId) return { kind: "in-app", userId: session.alipayUserId };
  return session.alipayFallback ? { kind: "web" } : { kind: "authorise" };
}
