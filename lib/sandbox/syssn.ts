import { randomInt } from "node:crypto";
import { formatGatewayTime } from "../qfpay/gateway-time";

/** A QFPay-shaped transaction number: the gateway date then digits, 26 in all. */
export function newSyssn(now: Date): string {
  const date = formatGatewayTime(now).slice(0, 10).replaceAll("-", "");
  let digits = "";
  for (let i = 0; i < 18; i++) digits += String(randomInt(10));
  return date + digits;
}
