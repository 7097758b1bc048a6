import { expect, test, type Page } from "@playwright/test";

export const JASMINE = "Jasmine Pearls, 50 g";

/** From the catalog: adds a product and waits until the server confirmed it. */
export async function addToCart(page: Page, productName = JASMINE) {
  await page.goto("/");
  const card = page.getByRole("article", { name: productName });
  await card.getByRole("button", { name: "Add to cart" }).click();
  await expect(card.getByRole("status")).toContainText(`Added ${productName}`);
}

/** Cart, checkout, email, wallet button: what a shopper does after filling the cart. */
export async function checkoutWith(
  page: Page,
  wallet: "AlipayHK" | "Alipay",
  options: { device?: "this computer" | "my phone" } = {},
) {
  await page.getByRole("link", { name: /^Cart, \d+ items?$/ }).click();
  await expect(page.getByRole("heading", { name: "Your cart" })).toBeVisible();
  await page.getByRole("link", { name: "Checkout" }).click();
  await page.getByLabel("Email").fill("shopper@example.com");
  if (options.device) await page.getByLabel(`Pay on ${options.device}`).check();
  await page.getByRole("button", { name: `Pay with ${wallet}`, exact: true }).click();
}

export function orderStatus(page: Page) {
  return page.locator(".order-status");
}

export async function controlSandbox(page: Page, command: Record<string, unknown>) {
  const response = await page.request.post("/sandbox/qfpay/control", { data: command });
  expect(response.status()).toBe(200);
  return response.json();
}

/**
 * The goods a test sells out (its stock set to one): others on a retry, because the failed try's orders
 * still hold theirs until their payments expire, and checkout refuses goods other orders hold.
 */
export function goodsForTry<T>(first: T, onRetry: T): T {
  return test.info().retry === 0 ? first : onRetry;
}
