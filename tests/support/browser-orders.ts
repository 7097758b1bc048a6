import type { Page } from "@playwright/test";

/**
 * A shopper's steps in a real browser, without the test runner's expect (the screenshots script drives
 * Playwright as a library): each step waits for what the shop shows when it has done its part.
 */

/** Adds each product from the catalog, waiting for the shop to confirm it. */
export async function fillCart(page: Page, productNames: string[]): Promise<void> {
  await page.goto("/");
  for (const name of productNames) {
    const card = page.getByRole("article", { name });
    await card.getByRole("button", { name: "Add to cart" }).click();
    await card
      .getByRole("status")
      .filter({ hasText: `Added ${name}` })
      .waitFor();
  }
}

/** Checks out the cart on a computer: the order page with its QR code, and the cashier's address. */
export async function placeQrOrder(
  page: Page,
  wallet: "AlipayHK" | "Alipay",
): Promise<{ orderPath: string; payUrl: string }> {
  await page.goto("/checkout");
  await page.getByLabel("Email").fill("shopper@example.com");
  await page.getByRole("button", { name: `Pay with ${wallet}`, exact: true }).click();
  await page.waitForURL(/\/orders\/[\w-]+/);
  const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
  if (!payUrl) throw new Error("the order page offers no payment page");
  return { orderPath: new URL(page.url()).pathname, payUrl };
}

/** What the shopper does in the wallet's cashier, then the order page once it shows the outcome. */
export async function answerAtCashier(
  page: Page,
  order: { orderPath: string; payUrl: string },
  choice: "Pay" | "Decline",
): Promise<void> {
  const cashier = await page.context().newPage();
  await cashier.goto(order.payUrl);
  await cashier.getByRole("button", { name: choice, exact: true }).click();
  await cashier.close();
  await page.goto(order.orderPath);
  await page
    .getByRole("status")
    .filter({ hasText: choice === "Pay" ? "Paid" : "Payment failed" })
    .first()
    .waitFor({ timeout: 15_000 });
}
