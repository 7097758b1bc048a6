import { randomInt } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { addToCart, checkoutWith, orderStatus } from "./shop";

const PASSWORD = "e2e-admin-password";

/** An admin's browser, seen as its own client so lock-outs in one test never touch another. */
async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${randomInt(1, 254)}, 203.0.113.${randomInt(1, 254)}` },
  });
  return context.newPage();
}

async function signIn(page: Page, password = PASSWORD) {
  await page.goto("/admin");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function paidOrder(page: Page): Promise<string> {
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
  const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
  const cashier = await page.context().newPage();
  await cashier.goto(payUrl!);
  await cashier.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 10_000 });
  await cashier.close();
  return new URL(page.url()).pathname.split("/")[2]!;
}

test("admin pages and exports refuse a visitor without a session", async ({ page, request }) => {
  await page.goto("/admin");
  await expect(page.getByLabel("Password")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Orders" })).toHaveCount(0);
  await page.goto("/admin/orders/AAAAAAAAAAAAAAAAAAAAAA");
  await expect(page).toHaveURL(/\/admin$/);
  expect((await request.get("/admin/orders.csv")).status()).toBe(404);
});

test("sign-in: a wrong password is refused, the right one opens the orders, sign-out closes them", async ({
  browser,
}) => {
  const page = await adminPage(browser);
  await signIn(page, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("That password is not right.");
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "shop_admin")).toMatchObject({ sameSite: "Strict", httpOnly: true });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Password")).toBeVisible();
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Orders" })).toHaveCount(0);
});

test("sign-in: five failures lock the client out, even for the right password", async ({ browser }) => {
  const page = await adminPage(browser);
  for (let i = 0; i < 5; i++) {
    await signIn(page, `wrong-${i}`);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("That password is not right.");
  }
  await signIn(page);
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Too many failed sign-ins");
  await expect(page.getByRole("heading", { name: "Orders" })).toHaveCount(0);
});

test("refunds from the order's story: partial, the rest, and more refused; the shopper sees it", async ({
  page,
  browser,
}) => {
  // A payment and three refund attempts, each now confirmed in a second step: more than 30 s on a loaded machine.
  test.slow();
  const orderId = await paidOrder(page);
  const admin = await adminPage(browser);
  await signIn(admin);
  await admin.getByLabel("Search").fill(orderId);
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin.getByText("1 order")).toBeVisible();
  await admin.getByRole("link", { name: /^HT-\w{4}-\w{4}$/ }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/orders/${orderId}$`));
  await expect(admin.getByRole("heading", { name: "Payment attempts" })).toBeVisible();
  await expect(admin.getByRole("heading", { name: "Notifications received" })).toBeVisible();

  await admin.getByLabel("Amount to refund").fill("28.00");
  await admin.getByRole("button", { name: "Refund amount" }).click();
  // Nothing is refunded before the second step, which says the amount in money.
  await expect(
    admin.getByText(/^Refund HK\$28\.00 of payment \d{26} to the shopper\? A refund cannot be undone\.$/),
  ).toBeVisible();
  await page.reload();
  await expect(orderStatus(page)).toHaveText("Paid");
  await admin.getByRole("button", { name: "Confirm refund" }).click();
  await expect(admin.getByRole("status").filter({ hasText: /Refund R\w+ succeeded/ })).toBeVisible();
  await page.reload();
  await expect(orderStatus(page)).toHaveText("Partially refunded");
  await expect(page.getByText("HK$28.00").first()).toBeVisible();

  await admin.reload();
  await admin.getByLabel("Amount to refund").fill("500");
  await admin.getByRole("button", { name: "Refund amount" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "can still be refunded" })).toHaveText(
    "At most HK$100.00 can still be refunded from this payment.",
  );
  await admin.getByRole("button", { name: "Refund everything left" }).click();
  await expect(admin.getByText(/^Refund HK\$100\.00 of payment/)).toBeVisible();
  await admin.getByRole("button", { name: "Confirm refund" }).click();
  // Refunded in full, the order offers no more refunds.
  await expect(admin.locator(".order-status")).toHaveText("Refunded");
  await expect(admin.getByLabel("Amount to refund")).toHaveCount(0);
  await page.reload();
  await expect(orderStatus(page)).toHaveText("Refunded");

  const csv = await admin.request.get(`/admin/orders.csv?q=${orderId}`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe(
    "order_id,created_at,state,needs_review,review_reason,wallet,pay_type,amount_minor,refunded_minor,currency,email,out_trade_no,syssn,mode",
  );
  expect(text).toContain(`${orderId},`);
  expect(text).toContain(",refunded,");
});

test("the admin can run reconciliation and query QFPay for one order", async ({ page, browser }) => {
  const orderId = await paidOrder(page);
  const admin = await adminPage(browser);
  await signIn(admin);
  await admin.getByRole("button", { name: "Run reconciliation" }).click();
  await expect(admin.getByRole("status").filter({ hasText: /^Checked \d+/ })).toBeVisible();
  await admin.goto(`/admin/orders/${orderId}`);
  await admin.getByRole("button", { name: "Query QFPay now" }).click();
  await expect(
    admin.getByRole("status").filter({ hasText: /Asked QFPay about 1 transaction|Queried a moment ago/ }),
  ).toBeVisible();
});

test("a refund's confirmation works without JavaScript, and Cancel refunds nothing", async ({ page, browser }) => {
  const orderId = await paidOrder(page);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${randomInt(1, 254)}, 203.0.113.${randomInt(1, 254)}` },
  });
  const admin = await context.newPage();
  await signIn(admin);
  await admin.goto(`/admin/orders/${orderId}`);
  await admin.getByLabel("Amount to refund").fill("28");
  await admin.getByRole("button", { name: "Refund amount" }).click();
  await expect(admin.getByText(/^Refund HK\$28\.00 of payment \d{26}/)).toBeVisible();
  await admin.getByRole("link", { name: "Cancel" }).click();
  await expect(admin.getByRole("cell", { name: "succeeded" })).toHaveCount(0);
  await expect(admin.locator(".order-status")).toHaveText("Paid");

  await admin.getByLabel("Amount to refund").fill("28");
  await admin.getByRole("button", { name: "Refund amount" }).click();
  await admin.getByRole("button", { name: "Confirm refund" }).click();
  await expect(admin.getByText(/Refund R\w+ succeeded/)).toBeVisible();
  await expect(admin.locator(".order-status")).toHaveText("Partially refunded");
  // The story reads amounts as money.
  await expect(admin.locator(".event-detail").filter({ hasText: '"refundedTotal":"HK$28.00"' }).first()).toBeVisible();
  await context.close();
});

test("the orders list is usable on a 390 px phone: no sideways scrolling, each order a card with its number and state", async ({
  page,
  browser,
}) => {
  await paidOrder(page);
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${randomInt(1, 254)}, 203.0.113.${randomInt(1, 254)}` },
  });
  const admin = await context.newPage();
  await signIn(admin);
  await expect(admin.getByRole("heading", { name: "Orders" })).toBeVisible();
  const widths = await admin.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    table: document.querySelector(".table-scroll")!.scrollWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(390);
  expect(widths.table).toBeLessThanOrEqual(390);
  const first = admin.locator(".admin-table tbody tr").first();
  await expect(first.getByRole("link", { name: /^HT-\w{4}-\w{4}$/ })).toBeInViewport();
  await expect(first.locator(".status-badge")).toBeVisible();
  await context.close();
});
