import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { routing, type Locale } from "@/i18n/routing";
import { keepUnits } from "@/lib/catalog/keep-units";
import { productBySlug } from "@/lib/catalog/products";
import { getConfig } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { SHARE_IMAGE_FONTS } from "@/app/_fonts/share-image/share-image-fonts";

export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

type Params = { locale: string; slug: string };

const localeOf = (params: Params): Locale => (hasLocale(routing.locales, params.locale) ? params.locale : "en");

/** One image per product page, described (og:image:alt) in the page's language. */
export async function generateImageMetadata({ params }: { params: Params | Promise<Params> }) {
  const t = await getTranslations({ locale: localeOf(await params), namespace: "shareImage" });
  return [{ id: "card", alt: t("alt"), size, contentType }];
}

// The typeface of the pages, read from the installed package: nothing is fetched to draw a share image.
// Satori takes WOFF but not WOFF2, hence @fontsource/figtree's static files beside the variable one.
const FONT_DIR = path.join(process.cwd(), "node_modules/@fontsource/figtree/files");
const FIGTREE = Promise.all(
  ([500, 700] as const).map(async (weight) => ({
    name: "Figtree",
    data: await readFile(path.join(FONT_DIR, `figtree-latin-${weight}-normal.woff`)),
    weight,
    style: "normal" as const,
  })),
);

// Chinese: Noto Sans CJK cut down to the characters the image can draw (app/_fonts/share-image), read once
// per locale when first asked for. next/og would otherwise fetch the glyphs from Google Fonts at run time.
const CJK_DIR = path.join(process.cwd(), "app/_fonts/share-image");
const cjkFonts = new Map<Locale, ReturnType<typeof readCjkFonts>>();
function readCjkFonts(locale: Locale) {
  return Promise.all(
    SHARE_IMAGE_FONTS.filter((font) => font.locale === locale).map(async (font) => ({
      name: "Noto Sans CJK",
      data: await readFile(path.join(CJK_DIR, font.file)),
      weight: font.weight,
      style: "normal" as const,
    })),
  );
}
function fontsFor(locale: Locale) {
  if (!cjkFonts.has(locale)) cjkFonts.set(locale, readCjkFonts(locale));
  return cjkFonts.get(locale)!;
}

/**
 * The picture a chat app or social site shows when someone shares a product's link, in the page's language:
 * Latin letters and figures in the pages' typeface, Chinese in the locale's Noto Sans CJK (Hong Kong's or
 * the mainland's glyph forms). Every character it can draw is in those files (tests/unit/share-image-fonts.test.ts),
 * so nothing is ever fetched.
 */
export default async function ProductShareImage({ params }: { params: Promise<Params> }) {
  const resolved = await params;
  const product = productBySlug(resolved.slug);
  if (!product) return new Response("Not found", { status: 404 });
  const locale = localeOf(resolved);
  const { qfpay, storeCurrency } = getConfig();
  const fonts = [...(await FIGTREE), ...(await fontsFor(locale))];
  const art = await readFile(path.join(process.cwd(), "public", product.image));
  // What it says: share-image-characters.ts keeps these messages' characters in the fonts.
  const say = async (locale: Locale) => {
    const t = await getTranslations({ locale, namespace: "shareImage" });
    const tw = await getTranslations({ locale, namespace: "wallets" });
    const tc = await getTranslations({ locale, namespace: "catalog" });
    const wallets = qfpay.wallets.map((wallet) => tw(wallet));
    return {
      shop: (await getTranslations({ locale, namespace: "layout" }))("shopName"),
      name: tc(`products.${product.slug}.name` as "products.jasmine-pearls.name"),
      price: formatMoney(product.price, storeCurrency, locale),
      payWith:
        wallets.length === 2
          ? t("payWithBoth", { first: wallets[0]!, second: wallets[1]! })
          : t("payWith", { wallet: wallets[0]! }),
    };
  };
  const line = await say(locale);
  return new ImageResponse(
    <div
      style={{
        display: "flex",
        width: "100%",
        height: "100%",
        background: "#fbfaf7",
        fontFamily: "Figtree, Noto Sans CJK",
      }}
    >
      <img src={`data:image/svg+xml;base64,${art.toString("base64")}`} width={640} height={630} alt="" />
      <div style={{ display: "flex", flexDirection: "column", justifyContent: "center", padding: 56, flex: 1 }}>
        <div style={{ fontSize: 28, fontWeight: 500, color: "#0b6e4f" }}>{line.shop}</div>
        <div style={{ fontSize: 60, fontWeight: 700, color: "#17201c", lineHeight: 1.1, marginTop: 20 }}>
          {keepUnits(line.name)}
        </div>
        <div style={{ fontSize: 44, fontWeight: 700, color: "#17201c", marginTop: 28 }}>{line.price}</div>
        <div style={{ fontSize: 26, fontWeight: 500, color: "#55625c", marginTop: 28 }}>{line.payWith}</div>
      </div>
    </div>,
    { ...size, fonts },
  );
}
