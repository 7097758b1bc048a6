import { createTranslator } from "next-intl";
import en from "../../messages/en.json";
import zhCN from "../../messages/zh-CN.json";
import zhHK from "../../messages/zh-HK.json";
import { productBySku } from "../catalog/products";

// Mail is written outside any request (after a commit, by the cron), so not through next-intl's request
// config: the order's stored locale picks the messages here. Unknown locales read English.
const MESSAGES = { en, "zh-HK": zhHK, "zh-CN": zhCN } as const;
type MailLocale = keyof typeof MESSAGES;

/** The words of a receipt or a refund confirmation in the order's language. */
export function mailWords(locale: string) {
  const known: MailLocale = locale in MESSAGES ? (locale as MailLocale) : "en";
  const t = createTranslator({ locale: known, messages: MESSAGES[known] });
  return {
    locale: known,
    t,
    /** An item as the catalog names it in this language; one no longer sold keeps the name it was bought under. */
    itemName(item: { sku?: string; name: string }): string {
      const product = item.sku ? productBySku(item.sku) : undefined;
      return product ? t(`catalog.products.${product.slug}.name` as "catalog.products.jasmine-pearls.name") : item.name;
    },
  };
}
