import { formatGatewayTime } from "./gateway-time";

/** QFPay refuses refunds from 23:30 to 00:30 Hong Kong time (1265), both named ends included (seed 004). */
export function inRefundBlackout(now: Date): boolean {
  const clock = formatGatewayTime(now).slice(11, 19);
  return clock >= "23:30:00" || clock <= "00:30:00";
}
