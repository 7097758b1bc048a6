import { getConfig, type PaymentProvider } from "./env";

/** The payment provider's name as shoppers and the merchant read it (footers, receipts, policies). */
export const PROVIDER_NAMES: Record<PaymentProvider, string> = { qfpay: "QFPay", cbtis: "CBTIS" };

/** The name of the provider this shop pays through. */
export function providerName(): string {
  return PROVIDER_NAMES[getConfig().provider];
}
