import { afterEach, describe, expect, it, vi } from "vitest";
import { browserLocale } from "@/app/global-error-locale";

/*
 * The place that speaks the shopper's language without next-intl's help: the page shown when the root
 * layout itself failed (app/global-error.tsx), which reads the language in the browser.
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
