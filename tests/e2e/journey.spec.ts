import { expect, test, type Page } from "@playwright/test";
import { addToCart, checkoutWith, JASMINE, orderStatus } from "./shop";

/**
 * The way back from every outcome (issue 14), on the computer and on both phones (tagged @every-device):
 * a phone is sent to the wallet's cashier in the same tab, a computer shows a QR code whose payment page
 * the test opens in a second tab.
 */

// Whole journeys, with two payments each, on a machine the tests share: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

/** The cashier of the payment the page just started: the same tab on a phone, a new one on a computer. */
async function cashierOf(page: Page, isMobile: boolean): Promise<Page> {
  if (isMobile) {
    await expect(page).toHaveURL(/\/sandbox\/cashier\/\d{26}$/, { timeout: 20_000 });
    return page;
  }
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/, { timeout: 20_000 });
  const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
  const cashier = await page.context().newPage();
  await cashier.goto(payUrl!);
  return cashier;
}

/** Pays in the cashier and sees the order paid where the shopper is (the phone comes back on return_url). */
async function payAndSeePaid(page: Page, cashier: Page) {
  await cashier.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 10_000 });
  if (cashier !== page) await cashier.close();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Continue shopping" })).toBeVisible();
}

async function orderNumberOn(page: Page): Promise<string> {
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  const number = /HT-\w{4}-\w{4}/.exec(heading ?? "")?.[0];
  expect(number, `an order number in "${heading}"`).toBeTruthy();
  return number!;
}

test("@every-device a declined payment: back to the checkout, which offers to resume, and the payment goes through", async ({
  page,
  isMobile,
}) => {
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  const cashier = await cashierOf(page, isMobile);
  await cashier.getByRole("button", { name: "Decline" }).click();
  await expect(cashier.getByRole("status")).toHaveText("You declined this payment.");
  await expect(cashier.getByRole("link", { name: "Return to the merchant" })).toBeVisible();
  if (!isMobile) {
    await expect(orderStatus(page)).toHaveText("Payment failed", { timeout: 10_000 });
    await cashier.close();
  }

  // Back, as a shopper does: through the cashier's pages to the checkout, which no longer says the cart is empty.
  for (let i = 0; i < 4 && !page.url().endsWith("/checkout"); i++) await page.goBack();
  await expect(page).toHaveURL(/\/checkout$/);
  const offer = page.getByRole("region", { name: /is awaiting payment/ });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText(`1 × ${JASMINE}`);
  await expect(page.getByText(`1 × ${JASMINE}`).first()).toBeVisible();
  await expect(page.getByText("Your cart is empty.")).toHaveCount(0);

  await offer.getByRole("button", { name: "Resume payment" }).click();
  const second = await cashierOf(page, isMobile);
  await expect(second.getByText("AlipayHK", { exact: true }).first()).toBeVisible();
  await payAndSeePaid(page, second);

  // Paid: the cart is over, and the order is listed as paid, with nothing left to resume.
  const number = await orderNumberOn(page);
  await expect(page.getByRole("link", { name: "Cart, 0 items" })).toBeVisible();
  await page.getByRole("link", { name: "Your orders" }).first().click();
  const listed = page.getByRole("listitem").filter({ hasText: number });
  await expect(listed.locator(".status-badge")).toHaveText("Paid");
  await expect(listed.getByRole("button", { name: "Resume payment" })).toHaveCount(0);
});

test("@every-device an expired payment: back to the merchant, pay another way with the other wallet", async ({
  page,
  isMobile,
}) => {
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  const cashier = await cashierOf(page, isMobile);
  await cashier.getByRole("button", { name: "Let it expire" }).click();
  await expect(cashier.getByRole("status")).toHaveText("This payment has expired.");
  await cashier.getByRole("link", { name: "Return to the merchant" }).click();

  // The cashier's link is return_url: the order, in whichever tab the cashier was.
  await expect(orderStatus(cashier)).toHaveText("Expired", { timeout: 10_000 });
  await expect(orderStatus(cashier).locator("svg")).toHaveCount(1);
  await expect(cashier.getByText(`1 × ${JASMINE}`)).toBeVisible();
  const expiredNumber = await orderNumberOn(cashier);
  if (cashier !== page) {
    await page.close();
    page = cashier;
  }
  await page.getByRole("button", { name: "Pay another way" }).click();

  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await expect(page.getByText(`1 × ${JASMINE}`)).toBeVisible();
  await page.getByLabel("Email").fill("shopper@example.com");
  await page.getByRole("button", { name: "Pay with Alipay", exact: true }).click();
  const second = await cashierOf(page, isMobile);
  await expect(second.getByText("Alipay", { exact: true }).first()).toBeVisible();
  await payAndSeePaid(page, second);
  const paidNumber = await orderNumberOn(page);
  expect(paidNumber).not.toBe(expiredNumber);

  await page.getByRole("link", { name: "Your orders" }).first().click();
  await expect(page.getByRole("listitem").filter({ hasText: paidNumber }).locator(".status-badge")).toHaveText("Paid");
  await expect(page.getByRole("listitem").filter({ hasText: expiredNumber }).locator(".status-badge")).toHaveText(
    "Expired",
  );
});

test("your orders: a pending order offers resume and pay another way; start over empties the cart and keeps the order", async ({
  page,
  context,
}) => {
  await page.goto("/orders");
  await expect(page.getByText("No orders from this browser yet.")).toBeVisible();
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
  const orderPath = new URL(page.url()).pathname;
  const number = await orderNumberOn(page);
  await expect(orderStatus(page)).toHaveText("Awaiting payment");
  await expect(page.getByText(`1 × ${JASMINE}`)).toBeVisible();

  await page.getByRole("link", { name: "Your orders" }).click();
  const listed = page.getByRole("listitem").filter({ hasText: number });
  await expect(listed.locator(".status-badge")).toHaveText("Awaiting payment");
  await expect(listed).toContainText(`1 × ${JASMINE}`);
  await expect(listed).toContainText("HK$128.00");
  await listed.getByRole("link", { name: "Pay another way" }).click();
  await expect(page).toHaveURL(new RegExp(`${orderPath}\\?pay=another$`));
  await page.getByRole("button", { name: "Pay with Alipay", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${orderPath}$`));
  const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
  const cashier = await context.newPage();
  await cashier.goto(payUrl!);
  await expect(cashier.getByText("Alipay", { exact: true }).first()).toBeVisible();
  await cashier.close();

  // The cart still holds the order's goods; starting over empties it and leaves the order listed.
  await page.goto("/cart");
  await expect(page.getByRole("link", { name: "Cart, 1 item" })).toBeVisible();
  await page.getByRole("button", { name: "Start over" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Cart, 0 items" })).toBeVisible();
  await page.goto("/orders");
  await expect(page.getByRole("listitem").filter({ hasText: number })).toContainText("Awaiting payment");

  // Resume from the list: the payment still open is the one offered again.
  await page.getByRole("listitem").filter({ hasText: number }).getByRole("button", { name: "Resume payment" }).click();
  await expect(page).toHaveURL(new RegExp(`${orderPath}$`));
  await expect(page.getByRole("link", { name: "Open payment page" })).toHaveAttribute("href", payUrl!);
});

test("a changed cart is a new order; the first stays listed, awaiting payment", async ({ page }) => {
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
  const first = new URL(page.url()).pathname;
  // A product no stock test limits: this order stays pending, holding its goods.
  await addToCart(page, "Harbour Tote Bag");
  await checkoutWith(page, "AlipayHK");
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
  expect(new URL(page.url()).pathname).not.toBe(first);
  await expect(page.getByText("1 × Harbour Tote Bag")).toBeVisible();
  await page.goto("/orders");
  await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(2);
});

test("the cart's limit of 20 of one product is shown, and announced when an addition does not fit", async ({
  page,
}) => {
  await addToCart(page);
  await page.goto("/cart");
  await expect(page.getByText("You can buy up to 20 of each product.")).toBeVisible();
  await page.getByLabel(`Quantity of ${JASMINE}`).selectOption("20");
  await expect(page.getByRole("status").filter({ hasText: "quantity 20" })).toBeVisible();
  await page.goto("/");
  const card = page.getByRole("article", { name: JASMINE });
  await card.getByRole("button", { name: "Add to cart" }).click();
  await expect(card.getByRole("status")).toHaveText(
    `You can buy at most 20 of one product: your cart has 20 × ${JASMINE}. Your cart has 20 items.`,
  );
});

test("an unknown order is the shop's 404, saying how to reopen one's own order", async ({ page }) => {
  const response = await page.goto(`/orders/${"A".repeat(22)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText(/link in its receipt email/)).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Your orders" }).click();
  await expect(page.getByRole("heading", { name: "Your orders" })).toBeVisible();
});
