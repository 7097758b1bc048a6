import { expect, test, type Page } from "@playwright/test";
import { orderStatus } from "./shop";

/*
 * The shop in Chinese, end to end: a browser whose language is Chinese lands in its locale (Accept-Language
 * on the first visit), buys through the desktop QR flow or the phone's WAP cashier, and comes back to the
 * receipt in the language it paid in (the return_url carries the locale). The English flows are the other
 * specs', unchanged.
 */

const LOCALES = {
  "zh-HK": {
    heading: "香港茶葉、茶具及精選小物",
    jasmine: "茉莉龍珠 50 g",
    add: "加入購物車",
    cart: (count: number) => `購物車，${count} 件貨品`,
    cartHeading: "購物車",
    toCheckout: "前往結帳",
    email: "電郵地址",
    payWith: { AlipayHK: "用AlipayHK付款", Alipay: "用支付寶付款" },
    awaiting: "等待付款",
    openPage: "打開付款頁面",
    paid: "已付款",
    receipt: "收據",
    cashierPay: "確認付款",
  },
  "zh-CN": {
    heading: "来自香港的茶叶、茶具和精选好物",
    jasmine: "茉莉龙珠 50 g",
    add: "加入购物车",
    cart: (count: number) => `购物车，${count} 件商品`,
    cartHeading: "购物车",
    toCheckout: "去结算",
    email: "电子邮箱",
    payWith: { AlipayHK: "使用AlipayHK支付", Alipay: "使用支付宝支付" },
    awaiting: "待支付",
    openPage: "打开支付页面",
    paid: "已支付",
    receipt: "收据",
    cashierPay: "确认付款",
  },
} as const;

type Locale = keyof typeof LOCALES;

async function fillCartAndCheckOut(page: Page, locale: Locale, wallet: "AlipayHK" | "Alipay") {
  const words = LOCALES[locale];
  // No prefix asked for: Accept-Language chooses the locale.
  await page.goto("/");
  await expect(page).toHaveURL(new RegExp(`/${locale}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.heading);
  const card = page.getByRole("article", { name: words.jasmine });
  await card.getByRole("button", { name: words.add }).click();
  await expect(card.getByRole("status")).toContainText(words.jasmine);
  await page.getByRole("link", { name: words.cart(1) }).click();
  await expect(page.getByRole("heading", { name: words.cartHeading, level: 1 })).toBeVisible();
  await page.getByRole("link", { name: words.toCheckout }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/checkout$`));
  await page.getByLabel(words.email).fill("shopper@example.com");
  await page.getByRole("button", { name: words.payWith[wallet], exact: true }).click();
}

for (const locale of Object.keys(LOCALES) as Locale[]) {
  const words = LOCALES[locale];

  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test(`desktop: a ${locale} browser pays by QR code and reads its receipt in ${locale}`, async ({
      page,
      context,
    }) => {
      await fillCartAndCheckOut(page, locale, "AlipayHK");
      await expect(page).toHaveURL(new RegExp(`/${locale}/orders/[\\w-]{22}$`));
      await expect(orderStatus(page)).toHaveText(words.awaiting);
      await expect(page.getByRole("img", { name: /QR Code|二维码/ })).toBeVisible();
      const payUrl = await page.getByRole("link", { name: words.openPage }).getAttribute("href");
      expect(payUrl).toMatch(/\/sandbox\/cashier\/\d{26}$/);

      const syssn = payUrl!.split("/").pop();
      const sandbox = await (await page.request.get(`/sandbox/qfpay/control?syssn=${syssn}`)).json();
      expect(new URL(sandbox.transaction.returnUrl).pathname).toMatch(new RegExp(`^/${locale}/orders/`));

      const cashier = await context.newPage();
      await cashier.goto(payUrl!);
      await expect(cashier.getByText("HK$128.00")).toBeVisible();
      await cashier.getByRole("button", { name: words.cashierPay, exact: true }).click();

      await expect(orderStatus(page)).toHaveText(words.paid, { timeout: 10_000 });
      await expect(page.getByRole("heading", { name: words.receipt })).toBeVisible();
      await expect(page.getByText(`1 × ${words.jasmine}`)).toBeVisible();
      await expect(page.getByRole("link", { name: words.cart(0) })).toBeVisible();
    });

    test(`@phone a ${locale} phone pays in the wallet's cashier and comes back in ${locale}`, async ({ page }) => {
      await fillCartAndCheckOut(page, locale, "Alipay");
      await expect(page).toHaveURL(/\/sandbox\/cashier\/\d{26}$/);
      await expect(page.getByText("HK$128.00")).toBeVisible();
      // The sandbox's cashier speaks the browser's language too, as the wallet's own would.
      await page.getByRole("button", { name: words.cashierPay, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/orders/[\\w-]{22}\\?t=[\\w-]{32}$`));
      await expect(orderStatus(page)).toHaveText(words.paid, { timeout: 10_000 });
      await expect(page.getByRole("heading", { name: words.receipt })).toBeVisible();
    });
  });
}

test.describe("choosing the language", () => {
  test.use({ locale: "zh-HK" });

  test("the switcher's choice outlasts the browser's language, and the page's addresses say each language", async ({
    page,
  }) => {
    await page.goto("/products/jasmine-pearls");
    await expect(page).toHaveURL(/\/zh-HK\/products\/jasmine-pearls$/);
    await expect(page.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute(
      "href",
      /\/zh-CN\/products\/jasmine-pearls$/,
    );
    await page.getByRole("navigation", { name: "語言" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/products\/jasmine-pearls$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jasmine Pearls, 50 g");
    // The browser still asks for Chinese; the cookie remembers English.
    await page.goto("/");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("button", { name: "Add to cart" }).first()).toBeVisible();
  });
});

test("a product's share image is a picture in each language, drawn with the fonts the shop ships", async ({
  page,
  request,
}) => {
  const drawn = new Map<string, string>();
  for (const prefix of ["", "/zh-HK", "/zh-CN"]) {
    await page.goto(`${prefix}/products/yixing-clay-teapot`);
    const url = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(url, prefix).toMatch(/\/products\/yixing-clay-teapot\/opengraph-image\//);
    const image = await request.get(url!);
    expect(image.status(), url!).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
    const body = await image.body();
    expect(body.subarray(1, 4).toString("latin1"), url!).toBe("PNG");
    drawn.set(prefix, body.toString("base64"));
  }
  // Each language draws its own words: no locale falls back to another's picture.
  expect(new Set(drawn.values()).size).toBe(3);
});
