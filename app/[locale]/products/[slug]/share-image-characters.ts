import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import zhHK from "@/messages/zh-HK.json";
import type { Locale } from "@/i18n/routing";
import { formatMoney } from "@/lib/money";
import { CURRENCIES, type CurrencyCode } from "@/lib/qfpay/currencies";

const MESSAGES = { en, "zh-HK": zhHK, "zh-CN": zhCN } satisfies Record<Locale, unknown>;

// Printable ASCII, and the no-break space keepUnits() puts between a number and its unit.
const ASCII = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)).join("") + "\u00a0";

/**
 * Every character the product share image (./opengraph-image.tsx) can draw in a locale: the shop's name,
 * every product's name, "pay with" in each of its forms and the wallets' names, a price in every currency
 * the shop may sell in, and ASCII. scripts/subset-share-fonts.ts keeps exactly these in the locale's
 * font; tests/unit/share-image-fonts.test.ts fails when a new product name needs the fonts made again.
 */
export function shareImageCharacters(locale: Locale): string {
  const m = MESSAGES[locale];
  // A message's own words, without its {placeholders} (filled with the wallets' names, also kept).
  const words = (message: string) => message.replace(/\{\w+\}/g, "");
  const prices = Object.keys(CURRENCIES).map((currency) => formatMoney(1234567890, currency as CurrencyCode, locale));
  const texts = [
    ASCII,
    m.layout.shopName,
    ...Object.values(m.catalog.products).map((product) => product.name),
    words(m.shareImage.payWith),
    words(m.shareImage.payWithBoth),
    ...Object.values(m.wallets),
    ...prices,
  ];
  return [...new Set([...texts.join("")])].sort().join("");
}
