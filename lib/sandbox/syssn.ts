import { randomInt } from "node:crypto";
import { toGatewayTime } from "./gateway-clock";

/** A QFPay-shaped transaction number: the gateway date then digits, 26 in all. */
export function newSyssn(now: Date): string {
  const date = toGatewayTime(now).slice(0, 10).replaceAll("-", "");
  let digits = "";
  for (let i = 0; i < 18; i++) digits += String(randomInt(10));
  return date + digits;
}
