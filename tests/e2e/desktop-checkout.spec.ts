import { expect, test } from "@playwright/test";
import { addToCart, checkoutWith, goodsForTry, orderStatus, JASMINE } from "./shop";

for (const wallet of ["AlipayHK", "Alipay"] as const) {
  test(`desktop: catalog to a QR code, paid in the ${wallet} cashier, and the receipt appears by itself`, async ({
    page,
    context,
  }) => {
    await addToCart(page);
    await expect(page.getByRole("link", { name: "Cart, 1 item" })).toBeVisible();
    await checkoutWith(page, wallet);

    await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
    await expect(orderStatus(page)).toHaveText("Awaiting payment");
    await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
    await expect(page.getByRole("timer")).toHaveText(/^(29|30):\d\d$/);
    const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
    expect(payUrl).toMatch(/\/sandbox\/cashier\/\d{26}$/);

    const cashier = await context.newPage();
    await cashier.goto(payUrl!);
    await expect(
      cashier.getByText(wallet === "AlipayHK" ? "AlipayHK" : "Alipay", { exact: true }).first(),
    ).toBeVisible();
    await expect(cashier.getByText("HK$128.00")).toBeVisible();
    await cashier.getByRole("button", { name: "Pay", exact: true }).click();

    await expect(orderStatus(page)).toHaveText("Paid", { timeout: 10_000 });
    await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
    await expect(page.getByText(`1 × ${JASMINE}`)).toBeVisible();
    await expect(page.getByRole("link", { name: "Cart, 0 items" })).toBeVisible();
  });
}

test("desktop: a declined payment explains itself, and the other wallet then works", async ({ page, context }) => {
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
  const cashier = await context.newPage();
  await cashier.goto(payUrl!);
  await cashier.getByRole("button", { name: "Decline" }).click();
  await expect(cashier.getByRole("status")).toHaveText("You declined this payment.");

  await expect(orderStatus(page)).toHaveText("Payment failed", { timeout: 10_000 });
  await expect(page.getByText("The payment was declined in the wallet. Nothing was charged.")).toBeVisible();
  await page.getByRole("button", { name: "Pay with Alipay", exact: true }).click();
  await expect(orderStatus(page)).toHaveText("Awaiting payment");
  const secondUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
  expect(secondUrl).not.toBe(payUrl);
  await cashier.goto(secondUrl!);
  await expect(cashier.getByText("Alipay", { exact: true }).first()).toBeVisible();
  await cashier.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 10_000 });
});

test("desktop: a payment left to expire says so and offers to pay again", async ({ page, context }) => {
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
  const cashier = await context.newPage();
  await cashier.goto(payUrl!);
  await cashier.getByRole("button", { name: "Let it expire" }).click();
  await expect(orderStatus(page)).toHaveText("Expired", { timeout: 10_000 });
  await expect(page.getByText("The time to pay ran out before a payment arrived.")).toBeVisible();
  await page.getByRole("button", { name: "Pay another way" }).click();
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await expect(page.getByText(`1 × ${JASMINE}`)).toBeVisible();
});

test("desktop: the order's plain URL is a 404 in another browser, its return_url link shows the receipt", async ({
  page,
  context,
  browser,
}) => {
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
  const orderPath = new URL(page.url()).pathname;
  const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
  const cashier = await context.newPage();
  await cashier.goto(payUrl!);
  await cashier.getByRole("button", { name: "Pay", exact: true }).click();
  // The cashier sends the shopper to return_url: the order page with its signed link.
  await expect(cashier).toHaveURL(new RegExp(`${orderPath}\\?t=[\\w-]{32}$`));
  const returnUrl = cashier.url();

  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  const plain = await other.goto(orderPath);
  expect(plain?.status()).toBe(404);
  const status = await other.request.get(`/api/orders/${orderPath.split("/")[2]}/status`);
  expect(status.status()).toBe(404);
  const forged = await other.goto(`${orderPath}?t=${"A".repeat(32)}`);
  expect(forged?.status()).toBe(404);

  await other.goto(returnUrl);
  await expect(orderStatus(other)).toHaveText("Paid");
  await expect(other.getByRole("heading", { name: "Receipt" })).toBeVisible();
  await stranger.close();
});

test("desktop: the cart changes quantities and removes lines, and a tampered cookie reads as an empty cart", async ({
  page,
  context,
  baseURL,
}) => {
  await addToCart(page);
  await addToCart(page, "Glass Kettle, 800 ml");
  await page.goto("/cart");
  await page.getByLabel(`Quantity of ${JASMINE}`).selectOption("3");
  await expect(page.getByRole("status").filter({ hasText: "quantity 3" })).toBeVisible();
  await expect(page.getByText("HK$652.00")).toBeVisible(); // 3 × 128 + 268
  await expect(page.getByRole("link", { name: "Cart, 4 items" })).toBeVisible();
  await page.getByRole("button", { name: "Remove Glass Kettle, 800 ml" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Removed Glass Kettle" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart, 3 items" })).toBeVisible();

  await context.addCookies([{ name: "shop_session", value: "Fe26.2*tampered*cookie", url: baseURL! }]);
  const response = await page.goto("/cart");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
});

test("desktop: goods another shopper is paying for are not sold twice, and the shopper hears it before paying", async ({
  page,
  browser,
}) => {
  const [teapot, sku] = goodsForTry(
    ["Yixing Clay Teapot, 200 ml", "WARE-YIX-200"],
    ["Celadon Cups, set of four", "WARE-CUP-SET"],
  );
  expect((await page.request.post("/sandbox/stock", { data: { sku, stock: 1 } })).status()).toBe(200);
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.251" } });
  const otherPage = await other.newPage();
  await addToCart(otherPage, teapot);
  await checkoutWith(otherPage, "AlipayHK");
  await expect(otherPage).toHaveURL(/\/orders\/[\w-]{22}$/);

  await addToCart(page, teapot);
  await checkoutWith(page, "AlipayHK");
  await expect(page.getByRole("status").filter({ hasText: "sold out" })).toHaveText(`${teapot} is sold out.`);
  await expect(page).toHaveURL(/\/checkout$/);
  await other.close();
});

test("desktop: a retry for goods another shopper took meanwhile says so, and starts no payment", async ({
  page,
  context,
  browser,
}) => {
  const [kettle, sku] = goodsForTry(
    ["Glass Kettle, 800 ml", "WARE-KET-GLS"],
    ["Porcelain Gaiwan, 120 ml", "WARE-GAI-WHT"],
  );
  expect((await page.request.post("/sandbox/stock", { data: { sku, stock: 1 } })).status()).toBe(200);
  await addToCart(page, kettle);
  await checkoutWith(page, "AlipayHK");
  const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
  const cashier = await context.newPage();
  await cashier.goto(payUrl!);
  await cashier.getByRole("button", { name: "Decline" }).click();
  await expect(orderStatus(page)).toHaveText("Payment failed", { timeout: 10_000 });

  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.252" } });
  const otherPage = await other.newPage();
  await addToCart(otherPage, kettle);
  await checkoutWith(otherPage, "AlipayHK");
  await expect(otherPage).toHaveURL(/\/orders\/[\w-]{22}$/);

  await page.getByRole("button", { name: "Try again with AlipayHK" }).click();
  await expect(page.getByRole("status").filter({ hasText: "sold out" })).toHaveText(`${kettle} is sold out.`);
  await expect(orderStatus(page)).toHaveText("Payment failed");
  await other.close();
});
