import { expect, test, type Page } from "@playwright/test";
import { addToCart, checkoutWith, orderStatus, JASMINE } from "./shop";
import { expectNoAxeViolations } from "./axe";

/*
 * The shop with PAYMENT_PROVIDER=cbtis (playwright.config.ts's second server): the same pages and the same
 * shopper's journey, paid through CBTIS's stand-in, its cashier behind next_action.url and its webhooks.
 */

async function intentOf(page: Page, orderId: string) {
  const response = await page.request.get(`/sandbox/cbtis/control?order_id=${orderId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as {
    intent: { merchantOrderId: string; wallet: string; flow: string; status: string; amount: string };
    webhooks: { deliveredAt: string | null }[];
  };
}

for (const [wallet, code] of [
  ["AlipayHK", "ALIPAYHK"],
  ["Alipay", "ALIPAYCN"],
] as const) {
  test(`CBTIS desktop: a QR code for ${code}, paid in the cashier, and the receipt appears by itself`, async ({
    page,
    context,
  }) => {
    await addToCart(page);
    await checkoutWith(page, wallet);
    await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
    await expect(orderStatus(page)).toHaveText("Awaiting payment");
    await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
    const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
    expect(payUrl).toMatch(/\/sandbox\/cbtis\/cashier\/C\d{21}$/);
    const orderId = payUrl!.split("/").pop()!;
    expect((await intentOf(page, orderId)).intent).toMatchObject({
      wallet: code,
      flow: "web_qrcode",
      amount: "128.00",
    });

    const cashier = await context.newPage();
    await cashier.goto(payUrl!);
    await expect(cashier.getByText("HK$128.00")).toBeVisible();
    await cashier.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(cashier.getByRole("status")).toHaveText("This payment is complete.");

    await expect(orderStatus(page)).toHaveText("Paid", { timeout: 10_000 });
    await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
    await expect(page.getByText(`1 × ${JASMINE}`)).toBeVisible();
    // The shop names the provider it pays through, not QFPay.
    await expect(page.getByText("CBTIS number")).toBeVisible();
    await expect(page.getByRole("note", { name: "Sandbox mode" })).toContainText("built-in CBTIS sandbox");
    await expect(page.locator("footer")).toContainText("processed by CBTIS");
  });
}

test("CBTIS: a forged webhook for an order never paid leaves it unpaid", async ({ page }) => {
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  await expect(orderStatus(page)).toHaveText("Awaiting payment");
  const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
  const orderId = payUrl!.split("/").pop()!;
  const { intent } = await intentOf(page, orderId);

  const forged = await page.request.post("/api/cbtis/notify", {
    data: { notify_type: "payment_success", data: { order_id: orderId, merchant_order_id: intent.merchantOrderId } },
  });
  expect(forged.status()).toBe(503);
  await page.reload();
  await expect(orderStatus(page)).toHaveText("Awaiting payment");
  expect((await intentOf(page, orderId)).intent.status).toBe("PENDING");
});

test("@phone CBTIS: a phone opens the mobile_web cashier beside its order page, which turns Paid by itself", async ({
  page,
}) => {
  // CBTIS documents no return URL: a phone sent away to the cashier would have no way back, so the order
  // page stays where it is and opens the cashier in a tab of its own.
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
  await expect(orderStatus(page)).toHaveText("Awaiting payment");
  const [cashier] = await Promise.all([
    page.waitForEvent("popup"),
    page.getByRole("link", { name: "Open payment page" }).click(),
  ]);
  await expect(cashier).toHaveURL(/\/sandbox\/cbtis\/cashier\/C\d{21}$/);
  const orderId = cashier.url().split("/").pop()!;
  expect((await intentOf(page, orderId)).intent).toMatchObject({ wallet: "ALIPAYHK", flow: "mobile_web" });
  await cashier.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(cashier.getByRole("status")).toHaveText("This payment is complete.");
  await cashier.close();
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 10_000 });
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
});

test("CBTIS admin: a refund made in CBTIS's portal is recorded in two steps, and the shopper sees it", async ({
  page,
  browser,
}) => {
  test.slow();
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
  await page.request.post("/sandbox/cbtis/control", { data: { action: "pay", orderId: payUrl!.split("/").pop() } });
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 10_000 });
  const orderId = new URL(page.url()).pathname.split("/")[2]!;

  const admin = await (
    await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.77" } })
  ).newPage();
  await admin.goto("/admin");
  await admin.getByLabel("Password").fill("e2e-admin-password");
  await admin.getByRole("button", { name: "Sign in" }).click();
  await expect(admin.getByRole("heading", { name: "Orders" })).toBeVisible();
  await admin.goto(`/admin/orders/${orderId}`);
  await expect(admin.getByRole("note").filter({ hasText: "refunded in CBTIS's merchant portal" })).toBeVisible();
  await expect(admin.getByRole("button", { name: "Query CBTIS now" })).toBeVisible();
  await expectNoAxeViolations(admin, "the CBTIS admin order page");
  await admin.getByLabel("Amount refunded in the portal").fill("28.00");
  await admin.getByRole("button", { name: "Record amount" }).click();
  await expect(
    admin.getByText(/^Record a refund of HK\$28\.00 of payment C\d{21}, made in the provider's portal\?/),
  ).toBeVisible();
  await admin.getByRole("button", { name: "Confirm record" }).click();
  await expect(admin.getByRole("status").filter({ hasText: /Refund R\w+ recorded\./ })).toBeVisible();
  await page.reload();
  await expect(orderStatus(page)).toHaveText("Partially refunded");
});
