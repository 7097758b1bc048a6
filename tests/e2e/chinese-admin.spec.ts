import { randomInt } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { goodsForTry, orderStatus } from "./shop";

/*
 * The merchant's admin and the library's refusals in Chinese. The admin signs in, lists and opens an order
 * and refunds part of it in Traditional Chinese (a Hong Kong merchant); a checkout for goods that ran out
 * and a retry for more than is left are refused in the shopper's language, from the codes the library
 * returns (lib/shopper-problem.ts), not English sentences. The English admin is admin.spec.ts's.
 */

const PASSWORD = "e2e-admin-password";

/** A zh-HK admin's browser, its own client so that lock-outs in one test never touch another. */
async function hongKongAdmin(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: "zh-HK",
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${randomInt(1, 254)}, 203.0.113.${randomInt(1, 254)}` },
  });
  return context.newPage();
}

/** A shopper in zh-HK puts one product in the cart and pays it with AlipayHK on a computer. */
async function checkOutInHongKong(page: Page, product: string, name: string) {
  await page.goto(`/zh-HK/products/${product}`);
  await page.getByRole("button", { name: "加入購物車" }).click();
  // The server's answer, not the button's "adding" note: the cart is saved once it is shown.
  await expect(page.getByRole("status").filter({ hasText: `已將${name}加入購物車` })).toBeVisible();
  await page.goto("/zh-HK/checkout");
  await page.getByLabel("電郵地址").fill("shopper@example.com");
  await page.getByRole("button", { name: "用AlipayHK付款", exact: true }).click();
}

test.describe("in zh-HK", () => {
  test.use({ locale: "zh-HK" });

  test("the admin signs in, finds an order and refunds part of it, all in Traditional Chinese", async ({
    page,
    browser,
  }) => {
    // A payment, a sign-in and a refund in two steps, with axe twice: more than 30 s on a loaded machine.
    test.slow();
    await checkOutInHongKong(page, "jasmine-pearls", "茉莉龍珠 50 g");
    await expect(page).toHaveURL(/\/zh-HK\/orders\/[\w-]{22}$/);
    const orderId = new URL(page.url()).pathname.split("/")[3]!;
    const payUrl = await page.getByRole("link", { name: "打開付款頁面" }).getAttribute("href");
    const cashier = await page.context().newPage();
    await cashier.goto(payUrl!);
    await cashier.getByRole("button", { name: "確認付款", exact: true }).click();
    await expect(orderStatus(page)).toHaveText("已付款", { timeout: 10_000 });
    await cashier.close();

    const admin = await hongKongAdmin(browser);
    await admin.goto("/zh-HK/admin");
    await expect(admin.locator("html")).toHaveAttribute("lang", "zh-HK");
    await expect(admin.getByRole("heading", { name: "管理員登入", level: 1 })).toBeVisible();
    await admin.getByLabel("密碼").fill("not-the-password");
    await admin.getByRole("button", { name: "登入" }).click();
    await expect(admin.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("密碼不正確。");
    await admin.getByLabel("密碼").fill(PASSWORD);
    await admin.getByRole("button", { name: "登入" }).click();

    // The orders list: still in Chinese after the sign-in's redirect, amounts as money, dates in Hong Kong's.
    await expect(admin).toHaveURL(/\/zh-HK\/admin$/);
    await expect(admin.getByRole("heading", { name: "訂單", level: 1 })).toBeVisible();
    await admin.getByLabel("搜尋").fill(orderId);
    await admin.getByRole("button", { name: "篩選" }).click();
    await expect(admin.getByText("共 1 張訂單")).toBeVisible();
    const row = admin.locator(".admin-table tbody tr").first();
    await expect(row.locator(".status-badge")).toHaveText("已付款");
    await expect(row.getByRole("cell", { name: "HK$128.00" })).toBeVisible();
    await expect(row.getByRole("cell", { name: /^\d{4}年\d{1,2}月\d{1,2}日/ })).toBeVisible();
    await expectNoAxeViolations(admin, "the admin's orders list in zh-HK");

    await row.getByRole("link", { name: /^HT-\w{4}-\w{4}$/ }).click();
    await expect(admin).toHaveURL(new RegExp(`/zh-HK/admin/orders/${orderId}$`));
    await expect(admin.getByRole("heading", { name: "付款嘗試" })).toBeVisible();
    await expect(admin.getByRole("heading", { name: "已收到的通知" })).toBeVisible();
    await expect(admin.locator(".order-status")).toHaveText("已付款");
    await expect(admin.getByText("1 × 茉莉龍珠 50 g")).toBeVisible();
    await expectNoAxeViolations(admin, "an order's admin page in zh-HK");

    await admin.getByLabel("退款金額").fill("28.00");
    await admin.getByRole("button", { name: "退回此金額" }).click();
    // Nothing is refunded before the second step, which says the amount in money, in Chinese.
    await expect(admin.getByText(/^將付款 \d{26} 的 HK\$28\.00 退回給顧客？退款一經發出便不能撤銷。$/)).toBeVisible();
    await admin.getByRole("button", { name: "確認退款" }).click();
    await expect(admin.getByRole("status").filter({ hasText: /^退款 R\w+ 已成功。$/ })).toBeVisible();
    await expect(admin.locator(".order-status")).toHaveText("已部分退款");
    await expect(admin.getByRole("cell", { name: "成功" })).toBeVisible();

    // More than is left is refused in the admin's language, the amount in money.
    await admin.getByLabel("退款金額").fill("500");
    await admin.getByRole("button", { name: "退回此金額" }).click();
    await expect(admin.getByRole("status").filter({ hasText: /\S/ })).toHaveText("這筆付款最多只可再退 HK$100.00。");
    await admin.context().close();
  });

  test("goods another shopper is paying for are refused at checkout in Traditional Chinese", async ({
    page,
    browser,
  }) => {
    const [name, slug, sku] = goodsForTry(
      ["壽眉白茶 50 g", "shou-mei-white", "TEA-SMW-50"],
      ["陳年普洱茶餅 357 g", "aged-puer-cake", "TEA-PUE-357"],
    );
    expect((await page.request.post("/sandbox/stock", { data: { sku, stock: 1 } })).status()).toBe(200);
    const other = await browser.newContext({
      locale: "zh-HK",
      extraHTTPHeaders: { "x-forwarded-for": "192.0.2.249" },
    });
    const otherPage = await other.newPage();
    await checkOutInHongKong(otherPage, slug, name);
    await expect(otherPage).toHaveURL(/\/zh-HK\/orders\/[\w-]{22}$/);

    await checkOutInHongKong(page, slug, name);
    await expect(page.getByRole("status").filter({ hasText: "已售罄" })).toHaveText(`${name}已售罄。`);
    await expect(page).toHaveURL(/\/zh-HK\/checkout$/);
    await other.close();
  });
});

test.describe("in zh-CN", () => {
  test.use({ locale: "zh-CN" });

  test("a checkout for more than is left is refused in Simplified Chinese, with how many there are", async ({
    page,
  }) => {
    const name = "龙井绿茶 50 g";
    expect((await page.request.post("/sandbox/stock", { data: { sku: "TEA-LJ-50", stock: 1 } })).status()).toBe(200);
    await page.goto("/zh-CN/products/longjing-green");
    await page.getByLabel("数量").selectOption("2");
    await page.getByRole("button", { name: "加入购物车" }).click();
    await expect(page.getByRole("status").filter({ hasText: `已将${name}加入购物车` })).toBeVisible();
    await page.goto("/zh-CN/checkout");
    await page.getByLabel("电子邮箱").fill("shopper@example.com");
    await page.getByRole("button", { name: "使用AlipayHK支付", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "仅剩" })).toHaveText(
      `${name}仅剩 1 件，请将数量减至 1 件。`,
    );
    await expect(page).toHaveURL(/\/zh-CN\/checkout$/);
  });
});
