import { getLocale, getTranslations } from "next-intl/server";
import { isCurrencyCode } from "@/lib/qfpay/currencies";
import { formatMoney } from "@/lib/money";
import type { ShopperProblem } from "@/lib/shopper-problem";
import { itemNames } from "./product-text";

/**
 * A problem the library found (lib/shopper-problem.ts) as the shopper reads it, in the page's language:
 * products by their name in that language, amounts in its money format. The one place its words are made.
 */
export async function shopperProblemText(problem: ShopperProblem): Promise<string> {
  const t = await getTranslations("problems");
  const tw = await getTranslations("wallets");
  const locale = await getLocale();
  const nameOf = await itemNames();
  switch (problem.code) {
    case "cartEmpty":
      return t("cartEmpty");
    case "cartTooManyLines":
      return t("cartTooManyLines", { max: problem.max });
    case "productGone":
      return t("productGone");
    case "productTwice":
      return t("productTwice");
    case "quantityRange":
      return t("quantityRange", { max: problem.max });
    case "soldOut":
      return t("soldOut", { name: nameOf({ sku: problem.sku, name: problem.sku }) });
    case "fewLeft":
      return t("fewLeft", { name: nameOf({ sku: problem.sku, name: problem.sku }), available: problem.available });
    case "currencyNotTaken":
      return t("currencyNotTaken", { currency: problem.currency });
    case "walletCurrency":
      return t("walletCurrency", { wallet: tw(problem.wallet), currency: problem.currency });
    case "walletMinimum": {
      const { minimum, currency } = problem;
      const amount = isCurrencyCode(currency) ? formatMoney(minimum, currency, locale) : `${minimum} ${currency}`;
      return t("walletMinimum", { wallet: tw(problem.wallet), amount });
    }
    case "orderChanged":
      return t("orderChanged");
    case "cartChanged":
      return t("cartChanged");
    case "orderMissing":
      return t("orderMissing");
    case "orderClosed":
      return t("orderClosed");
    case "checkedOutAlready":
      return t("checkedOutAlready");
  }
}
