import { formatGatewayTime } from "./gateway-time";

/** QFPay refuses refunds from 23:30 to 00:30 Hong Kong time (1265), both named ends included (seed 004). */
export const REFUND_BLACKOUT = { from: "23:30", until: "00:30" } as const;

export function inRefundBlackout(now: Date): boolean {
  const clock = formatGatewayTime(now).slice(11, 19);
  return clock >= `${REFUND_BLACKOUT.from}:00` || clock <= `${REFUND_BLACKOUT.until}:00`;
}
