import { afterEach, describe, expect, it, vi } from "vitest";
import { drawable } from "@/app/[locale]/products/[slug]/share-image-text";
import { browserLocale } from "@/app/global-error-locale";

/*
 * The two places that speak the shopper's language without next-intl's help: the page shown when the root
 * layout itself failed (app/global-error.tsx), which reads the language in the browser, and the share
 * image, which may only draw what its Latin typeface has glyphs for (next/og would fetch the rest).
 */

function inBrowser(pathname: string, cookie: string, languages: string[]) {
  vi.stubGlobal("window", { location: { pathname } });
  vi.stubGlobal("document", { cookie });
  vi.stubGlobal("navigator", { languages });
}

afterEach(() => vi.unstubAllGlobals());

describe("the failed page's language", () => {
  it("is the path's prefix first, whatever the cookie and the browser say", () => {
    inBrowser("/zh-HK/orders/abc", "NEXT_LOCALE=en", ["en-GB"]);
    expect(browserLocale()).toBe("zh-HK");
    inBrowser("/zh-CN", "", ["zh-HK"]);
    expect(browserLocale()).toBe("zh-CN");
  });

  it("is the remembered choice at the English root, then the browser's languages in order", () => {
    inBrowser("/checkout", "other=1; NEXT_LOCALE=zh-CN", ["en-US"]);
    expect(browserLocale()).toBe("zh-CN");
    inBrowser("/", "", ["zh-TW", "en"]);
    expect(browserLocale()).toBe("zh-HK");
    inBrowser("/", "", ["fr-FR", "zh"]);
    expect(browserLocale()).toBe("zh-CN");
    inBrowser("/zh-HKX/nothing", "", ["de"]);
    expect(browserLocale()).toBe("en");
  });
});

describe("the share image's text", () => {
  it("draws English, prices and the shop's punctuation, never Chinese", () => {
    expect(drawable("Yixing Clay Teapot, 200 ml")).toBe(true);
    expect(drawable("Aged Pu'er Cake, 357 g")).toBe(true);
    expect(drawable("HK$1,280.00")).toBe(true);
    expect(drawable("Pay with AlipayHK or Alipay")).toBe(true);
    expect(drawable("宜興紫砂壺 200 ml")).toBe(false);
    expect(drawable("用AlipayHK或支付寶付款")).toBe(false);
    expect(drawable("海港茶舍")).toBe(false);
  });
});
