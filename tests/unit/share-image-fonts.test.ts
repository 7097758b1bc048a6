import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shareImageCharacters } from "@/app/[locale]/products/[slug]/share-image-characters";
import { SHARE_IMAGE_FONTS } from "@/app/_fonts/share-image/share-image-fonts";
import { PRODUCTS } from "@/lib/catalog/products";
import { fontCharacters } from "../support/font-cmap";

/*
 * The product share image draws with the fonts it ships, never fetching one (next/og would ask Google
 * Fonts for a glyph it lacks). English is drawn in Figtree's latin files; Chinese in the Noto Sans CJK
 * subsets scripts/subset-share-fonts.ts makes. A product whose new name holds a character the fonts lack
 * fails here until `npm run share-fonts` is run again.
 */

const ROOT = join(import.meta.dirname, "../..");
const read = (path: string) => fontCharacters(readFileSync(join(ROOT, path)));
const FIGTREE = [500, 700].map((w) => read(`node_modules/@fontsource/figtree/files/figtree-latin-${w}-normal.woff`));
const missing = (text: string, font: Set<number>) => [...text].filter((c) => !font.has(c.codePointAt(0)!)).join("");
const messages = (locale: string) => JSON.parse(readFileSync(join(ROOT, "messages", `${locale}.json`), "utf8"));

describe("the share image's fonts", () => {
  it("draw English in Figtree, both weights", () => {
    for (const font of FIGTREE) expect(missing(shareImageCharacters("en"), font)).toBe("");
  });

  for (const locale of ["zh-HK", "zh-CN"] as const) {
    const fonts = SHARE_IMAGE_FONTS.filter((font) => font.locale === locale);

    it(`draw every character of ${locale} in its Noto Sans CJK, both weights, and keep the files small`, () => {
      expect(fonts.map((font) => font.weight).sort()).toEqual([500, 700]);
      for (const font of fonts) {
        const path = `app/_fonts/share-image/${font.file}`;
        expect(missing(shareImageCharacters(locale), read(path)), font.file).toBe("");
        expect(readFileSync(join(ROOT, path)).length, font.file).toBeLessThan(100_000);
      }
    });

    it(`count every product name and word of ${locale}'s image among the characters kept`, () => {
      const kept = new Set(shareImageCharacters(locale));
      const m = messages(locale);
      const drawn = [
        m.layout.shopName,
        ...PRODUCTS.map((p) => m.catalog.products[p.slug].name),
        m.shareImage.payWithBoth,
        ...Object.values(m.wallets),
        "HK$1,280.00",
      ].join("");
      expect([...drawn].filter((c) => !kept.has(c)).join("")).toBe("");
      // Chinese, not only the ASCII every locale shares.
      expect([...kept].some((c) => /\p{Script=Han}/u.test(c))).toBe(true);
    });
  }

  it("are not kept for a character no locale's image draws", () => {
    const font = read("app/_fonts/share-image/noto-sans-cjk-hk-bold.woff");
    expect(font.has("龘".codePointAt(0)!)).toBe(false);
    expect(font.has("寶".codePointAt(0)!)).toBe(true);
  });
});
