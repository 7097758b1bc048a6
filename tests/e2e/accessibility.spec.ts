import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { addToCart, checkoutWith, orderStatus } from "./shop";

/**
 * axe-core on every page a shopper or the merchant sees, in the state they see it, with zero violations:
 * on a computer, and on both phones for the shopper's pages.
 */

async function check(page: Page, path: string, heading: RegExp | string) {
  const response = await page.goto(path);
  expect(response?.ok() || response?.status() === 404, path).toBe(true);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expectNoAxeViolations(page, path);
}

/** Checks out on "this computer" (the QR code, on a phone too), answers at the cashier, checks each page. */
async function checkOrderJourney(page: Page, answer: "Pay" | "Decline") {
  await checkoutWith(page, "AlipayHK", { device: "this computer" });
  await expect(page).toHaveURL(/\/orders\/[\w-]+$/);
  await expect(orderStatus(page)).toHaveText("Awaiting payment");
  await expectNoAxeViolations(page, "the order page, awaiting payment");
  const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
  const cashier = await page.context().newPage();
  await cashier.goto(payUrl!);
  await expectNoAxeViolations(cashier, "the sandbox cashier");
  await cashier.getByRole("button", { name: answer, exact: true }).click();
  if (answer === "Decline") {
    // A paid payment returns to the shop; a declined one stays at the cashier with its outcome.
    await expect(cashier.getByRole("status")).toHaveText("You declined this payment.");
    await expectNoAxeViolations(cashier, "the sandbox cashier, declined");
  }
  await cashier.close();
  await expect(orderStatus(page)).toHaveText(answer === "Pay" ? "Paid" : "Payment failed", { timeout: 30_000 });
  // Paid refreshes the page to show the receipt: axe reads the page that stays, not the one being replaced.
  if (answer === "Pay") await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  await expectNoAxeViolations(page, `the order page, ${answer === "Pay" ? "paid" : "failed"}`);
}

// Each test is short on its own: axe takes seconds a page on a busy machine.
test.describe.configure({ timeout: 180_000 });

for (const tag of ["", " @phone"]) {
  test(`the catalog, a product, the 404s and the policies have no accessibility violations${tag}`, async ({ page }) => {
    await check(page, "/", "Tea, teaware and small goods from Hong Kong");
    await check(page, "/products/yixing-clay-teapot", "Yixing Clay Teapot, 200 ml");
    await check(page, "/no-such-page", "Page not found");
    await check(page, "/orders/AAAAAAAAAAAAAAAAAAAAAA", "Page not found");
    await check(page, "/policies/refunds", "Refunds and returns");
    await check(page, "/policies/terms", "Terms of sale");
    await check(page, "/policies/privacy", "Privacy");
  });

  test(`the cart and checkout, empty and filled, have no accessibility violations${tag}`, async ({ page }) => {
    await check(page, "/cart", "Your cart");
    await check(page, "/checkout", "Checkout");
    await addToCart(page);
    await check(page, "/cart", "Your cart");
    await check(page, "/checkout", "Checkout");
  });

  test(`an order awaiting payment, the cashier and the paid order have no accessibility violations${tag}`, async ({
    page,
  }) => {
    await addToCart(page);
    await checkOrderJourney(page, "Pay");
  });

  test(`a declined payment at the cashier and the failed order have no accessibility violations${tag}`, async ({
    page,
  }) => {
    await addToCart(page);
    await checkOrderJourney(page, "Decline");
  });
}

test("the admin's pages have no accessibility violations", async ({ browser, page }) => {
  await addToCart(page);
  await checkOrderJourney(page, "Pay");
  const orderId = new URL(page.url()).pathname.split("/")[2]!;

  // The admin is a client of its own, so the sign-in throttle of other tests never counts against it.
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${randomInt(1, 254)}` },
  });
  const admin = await context.newPage();
  await admin.goto("/admin");
  await expect(admin.getByLabel("Password")).toBeVisible();
  await expectNoAxeViolations(admin, "the admin's sign-in");
  await admin.getByLabel("Password").fill("e2e-admin-password");
  await admin.getByRole("button", { name: "Sign in" }).click();
  await expect(admin.getByRole("heading", { name: "Orders" })).toBeVisible();
  await expectNoAxeViolations(admin, "the admin's orders");
  await admin.goto(`/admin/orders/${orderId}`);
  await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(admin, "the admin's order page");
  await context.close();
});

// The checks above run axe in the page itself (legacy mode, tests/e2e/axe.ts): it must still see a violation.
test("axe as these checks run it fails a page with an image that has no text alternative", async ({ page }) => {
  await check(page, "/policies/terms", "Terms of sale");
  await page.locator("main").evaluate((main) => main.insertAdjacentHTML("beforeend", '<img src="/favicon.ico">'));
  await expect(expectNoAxeViolations(page, "the terms with an unlabelled image")).rejects.toThrow(/image-alt/);
});
