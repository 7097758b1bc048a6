import type { Locale } from "@/i18n/routing";

/**
 * The product share image's Chinese fonts, subsets of Noto Sans CJK (SIL Open Font License 1.1, OFL.txt
 * here) made by scripts/subset-share-fonts.ts: Hong Kong's glyph forms for zh-HK, mainland's for zh-CN. The
 * face is the font's index in the system's collection (NotoSansCJK-*.ttc: 2 SC, 4 HK).
 */
export const SHARE_IMAGE_FONTS = [
  {
    locale: "zh-HK",
    weight: 500,
    file: "noto-sans-cjk-hk-regular.woff",
    collection: "NotoSansCJK-Regular.ttc",
    face: 4,
  },
  { locale: "zh-HK", weight: 700, file: "noto-sans-cjk-hk-bold.woff", collection: "NotoSansCJK-Bold.ttc", face: 4 },
  {
    locale: "zh-CN",
    weight: 500,
    file: "noto-sans-cjk-sc-regular.woff",
    collection: "NotoSansCJK-Regular.ttc",
    face: 2,
  },
  { locale: "zh-CN", weight: 700, file: "noto-sans-cjk-sc-bold.woff", collection: "NotoSansCJK-Bold.ttc", face: 2 },
] as const satisfies readonly { locale: Locale; weight: 500 | 700; file: string; collection: string; face: number }[];
