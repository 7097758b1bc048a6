import { toGatewayTime } from "./gateway-clock";

/**
 * QFPay's 1265 (seed 004): "Refunds for transactions between 11:30pm to 0:30am ... cannot be processed",
 * read on the gateway's clock (UTC+8, qfpay-api.md "Pitfalls": gateway times are UTC+8). The sentence
 * names both ends, so the stricter reading keeps both in the window: 23:30:00 up to 00:30:00 inclusive.
 *
 * The sentence could also mean refunds of payments *made* in that hour; the sandbox does not read it
 * so, because a shop could then never refund such a payment through the API, and nothing else in the
 * sources says so (qfpay-api.md reads it as "none between 23:30 and 00:30").
 */
export function inRefundBlackout(now: Date): boolean {
  const clock = toGatewayTime(now).slice(11);
  return clock >= "23:30:00" || clock <= "00:30:00";
}
