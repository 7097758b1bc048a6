import { expect, test } from "@playwright/test";
import { addToCart, checkoutWith, controlSandbox, orderStatus } from "./shop";

test("@phone redirects to the wallet cashier, and comes back to the receipt", async ({ page }) => {
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  await expect(page).toHaveURL(/\/sandbox\/cashier\/\d{26}$/);
  await expect(page.getByText("HK$128.00")).toBeVisible();
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}\?t=[\w-]{32}$/);
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 10_000 });
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
});

test("@phone the shopper closes the tab before returning; the notification lands; a later visit shows it paid", async ({
  page,
  context,
}) => {
  await addToCart(page);
  await checkoutWith(page, "Alipay");
  await expect(page).toHaveURL(/\/sandbox\/cashier\/\d{26}$/);
  const syssn = page.url().split("/").pop()!;
  await page.close();

  const later = await context.newPage();
  await controlSandbox(later, { action: "pay", syssn });
  const inspected = await (await later.request.get(`/sandbox/qfpay/control?syssn=${syssn}`)).json();
  const orderPath = new URL(inspected.transaction.returnUrl).pathname;
  await expect
    .poll(async () =>
      (await later.request.get(`/sandbox/qfpay/control?syssn=${syssn}`))
        .json()
        .then((t) => t.notifications[0]?.lastResult),
    )
    .toBe("HTTP 200 SUCCESS");
  await later.goto(orderPath);
  await expect(orderStatus(later)).toHaveText("Paid");
});

test("@phone WeChat's browser gets open-in-browser guidance, a copyable link and the QR code", async ({ browser }) => {
  const wechat = await browser.newContext({
    userAgent:
      "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/en",
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await wechat.newPage();
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
  await expect(page.getByText("Open this page in your browser.")).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expect(page.getByLabel("Link to this order")).toHaveValue(/\/orders\/[\w-]{22}\?t=[\w-]{32}$/);
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  await wechat.close();
});
