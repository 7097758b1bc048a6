import { describe, expect, it } from "vitest";
import { localizedPath, pathWithoutLocale, prefixedPath } from "@/i18n/localized-path";

// The one rule every link, redirect, hreflang and signed order link takes its address from.
describe("a shop path in a language", () => {
  it("keeps English at the root and puts the others under their prefix", () => {
    expect(localizedPath("/", "en")).toBe("/");
    expect(localizedPath("/cart", "en")).toBe("/cart");
    expect(localizedPath("/", "zh-HK")).toBe("/zh-HK");
    expect(localizedPath("/orders/abc", "zh-CN")).toBe("/zh-CN/orders/abc");
  });

  it("switches through the prefixed address, English too, so the proxy records the choice", () => {
    expect(prefixedPath("/", "en")).toBe("/en");
    expect(prefixedPath("/products/jasmine-pearls", "en")).toBe("/en/products/jasmine-pearls");
  });

  it("reads the shop path back from any address, and leaves a look-alike prefix alone", () => {
    for (const path of ["/", "/cart", "/orders/abc"])
      for (const locale of ["en", "zh-HK", "zh-CN"] as const)
        expect(pathWithoutLocale(prefixedPath(path, locale))).toBe(path);
    expect(pathWithoutLocale("/cart")).toBe("/cart");
    expect(pathWithoutLocale("/zh-HKX/cart")).toBe("/zh-HKX/cart");
  });
});
