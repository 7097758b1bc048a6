import { userAgent } from "next/server";

import { isAlipayApp } from "../alipay/user-agent";
import type { Device } from "../qfpay/pay-types";

export type DeviceKind = Device;

export interface DeviceGuess {
  /** Which QFPay flow fits: the QR code (web) or the wallet redirect (WAP). */
  kind: DeviceKind;
  /** An app's own browser that blocks the jump to the wallet app, if any. */
  inApp: "WeChat" | "Facebook" | "Instagram" | "LINE" | null;
  /** The Alipay app's own browser: it pays in Alipay's cashier (800107) rather than being blocked from it. */
  alipayApp: boolean;
}

const IN_APP: [RegExp, NonNullable<DeviceGuess["inApp"]>][] = [
  [/MicroMessenger/i, "WeChat"],
  [/FBAN|FBAV|FB_IAB|FBIOS/, "Facebook"],
  [/Instagram/, "Instagram"],
  [/\bLine\//, "LINE"],
];

/**
 * Guesses the device on the server from the user agent and the `Sec-CH-UA-Mobile` client hint. It can
 * be wrong (an iPad asking for the desktop site), so the shopper can always switch.
 */
export function guessDevice(headers: Headers): DeviceGuess {
  const ua = headers.get("user-agent") ?? "";
  const { device } = userAgent({ headers });
  const mobileHint = headers.get("sec-ch-ua-mobile") === "?1";
  const mobile =
    device.type === "mobile" || device.type === "tablet" || mobileHint || /Android|iPhone|iPad|iPod|Mobile/i.test(ua);
  const inApp = IN_APP.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
  return { kind: mobile ? "mobile" : "desktop", inApp, alipayApp: isAlipayApp(ua) };
}
