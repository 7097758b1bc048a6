import { formatGatewayTime } from "./gateway-time";

/** QFPay refuses refunds from 23:30 to 00:30 Hong Kong time (1265). */
export function inRefundBlackout(now: Date): boolean {
  const clock = formatGatewayTime(now).slice(11, 16);
  return clock >= "23:30" || clock < "00:30";
}
