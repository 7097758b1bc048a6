import { getLocale, getTranslations } from "next-intl/server";
import type { ShopperReason } from "@/lib/payments/shopper-reason";

/**
 * Why a payment did not go through, in the page's language, from the reason the gateway chose
 * (PaymentGateway.shopperReason). The gateway's own words for a code the shop does not explain are English:
 * the English page shows them, the Chinese pages say only that it did not go through.
 */
export async function shopperReasonText(reason: ShopperReason, provider: string): Promise<string> {
  if (reason.gatewayWords && (await getLocale()) === "en") return reason.gatewayWords;
  const t = await getTranslations("reasons");
  return t(reason.key, { provider });
}
