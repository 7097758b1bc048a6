import { describe, expect, it } from "vitest";
import { priceCart } from "@/lib/catalog/price-cart";
import { PRODUCTS } from "@/lib/catalog/products";
import { cartCount, changeCart, sanitizeCart } from "@/lib/cart/cart-lines";
import { guessDevice } from "@/lib/web/device";
import { walletRefusal } from "@/lib/gateways/qfpay/qfpay-wallet-refusal";
import { formatMoney } from "@/lib/money";

const TEA = "TEA-JAS-50";

describe("cart lines", () => {
  it("keeps only lines that can be sold", () => {
    const claimed = [
      { sku: TEA, qty: 2 },
      { sku: "NOPE", qty: 1 },
      { sku: "WARE-KET-GLS", qty: 500 },
      { sku: TEA, qty: 1 },
      { sku: "GOOD-TIN-SET", qty: 1.5 },
      "junk",
      null,
      { sku: "GOOD-TOTE-HK", qty: 1, price: 1 },
    ];
    expect(sanitizeCart(claimed)).toEqual([
      { sku: TEA, qty: 2 },
      { sku: "GOOD-TOTE-HK", qty: 1 },
    ]);
    expect(sanitizeCart("not a cart")).toEqual([]);
    expect(sanitizeCart(undefined)).toEqual([]);
  });

  it("adds, sets, caps and removes", () => {
    let lines = changeCart([], { type: "add", sku: TEA, qty: 1 });
    lines = changeCart(lines, { type: "add", sku: TEA, qty: 2 });
    expect(lines).toEqual([{ sku: TEA, qty: 3 }]);
    lines = changeCart(lines, { type: "set", sku: TEA, qty: 99 });
    expect(lines).toEqual([{ sku: TEA, qty: 20 }]);
    lines = changeCart(lines, { type: "add", sku: "WARE-KET-GLS", qty: 1 });
    expect(cartCount(lines)).toBe(21);
    expect(changeCart(lines, { type: "set", sku: TEA, qty: 0 })).toEqual([{ sku: "WARE-KET-GLS", qty: 1 }]);
    expect(changeCart(lines, { type: "remove", sku: "WARE-KET-GLS" })).toEqual([{ sku: TEA, qty: 20 }]);
  });

  it("prices from the catalog only, in integers", () => {
    const priced = priceCart([
      { sku: TEA, qty: 3 },
      { sku: "WARE-KET-GLS", qty: 1 },
    ]);
    expect(priced).toEqual({ ok: true, total: 3 * 12800 + 26800, items: expect.any(Array) });
    expect(priceCart([{ sku: "NOPE", qty: 1 }]).ok).toBe(false);
    expect(priceCart([{ sku: TEA, qty: 0 }]).ok).toBe(false);
    expect(priceCart([]).ok).toBe(false);
  });

  it("gives every product a QFPay-safe short name and an integer price", () => {
    for (const product of PRODUCTS) {
      expect(Number.isSafeInteger(product.price) && product.price > 0).toBe(true);
      expect(product.shortName).toMatch(/^[\p{L}\p{N} ]{1,20}$/u);
    }
  });
});

describe("device guess", () => {
  const guess = (ua: string, extra: Record<string, string> = {}) =>
    guessDevice(new Headers({ "user-agent": ua, ...extra }));
  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
      "desktop",
      null,
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      "desktop",
      null,
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "mobile",
      null,
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
      "mobile",
      null,
    ],
    [
      "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "mobile",
      null,
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.47 WeChat/arm64",
      "mobile",
      "WeChat",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 [FBAN/FBIOS;FBAV/450.0]",
      "mobile",
      "Facebook",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Instagram 330.0",
      "mobile",
      "Instagram",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari Line/14.5.0",
      "mobile",
      "LINE",
    ],
    ["", "desktop", null],
  ])("%s", (ua, kind, inApp) => {
    expect(guess(ua)).toEqual({ kind, inApp, alipayApp: false });
  });

  it.each([
    // Alipay's Android and iOS apps, and AlipayHK's: they pay in Alipay's cashier and block nothing.
    "Mozilla/5.0 (Linux; U; Android 14; zh-CN; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36 UCBS/2.11.1.28 AliApp(AP/10.5.36.8000) AlipayClient/10.5.36.8000 Language/zh-Hans Region/CN",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 ChannelId(1) Ariver/1.1.0 AliApp(AP/10.6.0.6000) Nebula WK RVKType(0) AlipayDefined(nt:WIFI,ws:390|844|3.0) AlipayClient/10.6.0.6000 Language/zh-Hans Region/CN",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(AlipayHK/5.9.0) AlipayClientHK/5.9.0 Language/zh-Hant Region/HK",
  ])("recognises the Alipay app's browser: %s", (ua) => {
    expect(guess(ua)).toEqual({ kind: "mobile", inApp: null, alipayApp: true });
  });

  it("believes the mobile client hint", () => {
    expect(guess("Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0", { "sec-ch-ua-mobile": "?1" }).kind).toBe("mobile");
  });
});

describe("wallet minimums", () => {
  it("explains 801101's more-than-1-HKD rule and AlipayHK's HKD-only rule", () => {
    expect(walletRefusal("alipay", "desktop", 100, "HKD")).toEqual({
      code: "walletMinimum",
      wallet: "alipay",
      minimum: 100,
      currency: "HKD",
    });
    expect(walletRefusal("alipay", "desktop", 101, "HKD")).toBeNull();
    expect(walletRefusal("alipay", "mobile", 100, "HKD")).toBeNull();
    expect(walletRefusal("alipayhk", "desktop", 100, "USD")).toEqual({
      code: "walletCurrency",
      wallet: "alipayhk",
      currency: "HKD",
    });
    // Another currency: 801101's "more than 1 HKD" held with a floor surely above it (seed 004).
    expect(walletRefusal("alipay", "desktop", 50, "USD")).toEqual({
      code: "walletMinimum",
      wallet: "alipay",
      minimum: 100,
      currency: "USD",
    });
    expect(walletRefusal("alipay", "desktop", 101, "USD")).toBeNull();
    expect(walletRefusal("alipay", "desktop", 150, "CNY")).toEqual({
      code: "walletMinimum",
      wallet: "alipay",
      minimum: 200,
      currency: "CNY",
    });
    expect(walletRefusal("alipay", "desktop", 50, "JPY")).toEqual({
      code: "walletMinimum",
      wallet: "alipay",
      minimum: 50,
      currency: "JPY",
    });
    expect(walletRefusal("alipay", "desktop", 51, "JPY")).toBeNull();
    expect(walletRefusal("alipay", "mobile", 1, "USD")).toBeNull();
  });
});

describe("money", () => {
  it("formats minor units with one fixed locale", () => {
    expect(formatMoney(12800, "HKD")).toBe("HK$128.00");
    expect(formatMoney(1999, "USD")).toBe("US$19.99");
    expect(formatMoney(500, "JPY")).toBe("JP¥500");
  });
});

describe("801101's minimum in every currency", () => {
  it("has a floor for every currency QFPay lists, each worth more than 1 HKD at a rate far from today's", async () => {
    const { ABOVE_ONE_HKD } = await import("@/lib/qfpay/pay-types");
    const { CURRENCIES } = await import("@/lib/qfpay/currencies");
    const CURRENCY_CODES = Object.keys(CURRENCIES) as (keyof typeof CURRENCIES)[];
    // How many HKD one unit of each currency is worth, at most (rates of 2026, rounded up generously).
    const hkdPerUnitAtMost: Record<string, number> = {
      HKD: 1,
      USD: 8,
      EUR: 9,
      CAD: 6,
      AUD: 6,
      SGD: 6.2,
      AED: 2.2,
      CNY: 1.15,
      MYR: 1.9,
      THB: 0.25,
      JPY: 0.056,
      IDR: 0.0005,
      MMK: 0.0038,
    };
    const hkdPerUnitAtLeast: Record<string, number> = {
      HKD: 1,
      USD: 7.7,
      EUR: 7.5,
      CAD: 5,
      AUD: 4.5,
      SGD: 5.5,
      AED: 2.05,
      CNY: 1.05,
      MYR: 1.6,
      THB: 0.2,
      JPY: 0.048,
      IDR: 0.00045,
      MMK: 0.0018,
    };
    for (const currency of CURRENCY_CODES) {
      const floor = ABOVE_ONE_HKD[currency] / 10 ** CURRENCIES[currency].minorUnits;
      expect(floor * hkdPerUnitAtLeast[currency]!, currency).toBeGreaterThanOrEqual(1);
      expect(floor * hkdPerUnitAtMost[currency]!, `${currency} floor is not absurdly high`).toBeLessThan(10);
    }
  });
});
