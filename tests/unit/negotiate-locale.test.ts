import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/i18n/negotiate";

describe("the sandbox pages' locale", () => {
  it("keeps the shopper's remembered choice over the browser's language", () => {
    expect(negotiateLocale("zh-CN", "en-US,en;q=0.9")).toBe("zh-CN");
    expect(negotiateLocale("en", "zh-HK")).toBe("en");
  });

  it("reads Traditional for Hong Kong, Taiwan, Macau and Hant, Simplified for other Chinese, by preference", () => {
    expect(negotiateLocale(undefined, "zh-HK,zh;q=0.9,en;q=0.8")).toBe("zh-HK");
    expect(negotiateLocale(undefined, "zh-TW")).toBe("zh-HK");
    expect(negotiateLocale(undefined, "zh-Hant-HK")).toBe("zh-HK");
    expect(negotiateLocale(undefined, "zh-CN,zh;q=0.9")).toBe("zh-CN");
    expect(negotiateLocale(undefined, "zh")).toBe("zh-CN");
    expect(negotiateLocale(undefined, "en;q=0.5,zh-CN;q=0.9")).toBe("zh-CN");
  });

  it("falls back to English for other languages, no header or a cookie naming no locale", () => {
    expect(negotiateLocale(undefined, "fr-FR,de;q=0.8")).toBe("en");
    expect(negotiateLocale(undefined, null)).toBe("en");
    expect(negotiateLocale("xx", "en-GB")).toBe("en");
  });
});
