import { getLocale, getTranslations } from "next-intl/server";
import { REASONS, SHOP_SIDE } from "@/lib/gateways/qfpay/qfpay-shopper-reason";

/**
 * Why a payment did not go through, in the page's language. English is the gateway's own sentence
 * (ctx.gateway.shopperReason); the Chinese pages say the same of each QFPay code the shop explains, of the
 * shop's own setup, and otherwise that it did not go through (QFPay's English words are no help there).
 */
export async function shopperReasonText(englishReason: string, code: string | null): Promise<string> {
  if ((await getLocale()) === "en") return englishReason;
  const t = await getTranslations("reasons");
  if (code && code in REASONS) return t(code as "1205");
  if (code && SHOP_SIDE.has(code)) return t("shopSide");
  return t("generic");
}
