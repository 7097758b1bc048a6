import type { PaymentGateway } from "../payments/gateway";
import type { Attempt } from "../payments/types";
import type { Device } from "../qfpay/pay-types";

/**
 * Where a phone goes once its payment has started: straight to the wallet's page when the gateway brings
 * the shopper back afterwards and no app's browser would block the jump to the wallet; null for the order
 * page otherwise, which opens the wallet's page beside itself and updates by itself.
 */
export function walletJump(
  gateway: Pick<PaymentGateway, "returnsShopper">,
  attempt: Pick<Attempt, "state" | "payUrl">,
  device: Device,
  inApp: string | null,
): string | null {
  if (device !== "mobile" || inApp !== null || !gateway.returnsShopper) return null;
  return attempt.state === "awaiting_payment" ? attempt.payUrl : null;
}
