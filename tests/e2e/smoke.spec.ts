import { expect, test } from "@playwright/test";
import { formatGatewayTime } from "../../lib/qfpay/gateway-time";
import { signParams } from "../../lib/qfpay/sign";
import { SANDBOX_APP_CODE, SANDBOX_CLIENT_KEY } from "../../lib/sandbox/credentials";

test("the home page opens, with the sandbox banner", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tea, teaware and small goods from Hong Kong");
  await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(12);
  await expect(page.getByRole("note", { name: "Sandbox mode" })).toContainText("no real money moves");
});

test("a signed payment opens the sandbox cashier, and paying it returns to the shop", async ({
  page,
  request,
  baseURL,
}) => {
  const params = {
    txamt: "2500",
    txcurrcd: "HKD",
    pay_type: "801514",
    out_trade_no: `SMOKE-${Date.now()}`,
    txdtm: formatGatewayTime(new Date()),
    return_url: `${baseURL}/`,
  };
  const created = await request.post("/sandbox/qfpay/trade/v1/payment", {
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "X-QF-APPCODE": SANDBOX_APP_CODE,
      "X-QF-SIGN": signParams(params, SANDBOX_CLIENT_KEY),
    },
    data: new URLSearchParams(params).toString(),
  });
  const answer = (await created.json()) as { respcd: string; pay_url: string; syssn: string };
  expect(answer.respcd).toBe("0000");

  await page.goto(answer.pay_url);
  await expect(page.getByText("HK$25.00")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pay QFPay Sandbox Merchant" })).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText(/^(29|30):\d\d$/);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}/`);

  const inspected = await request.get(`/sandbox/qfpay/control?syssn=${answer.syssn}`);
  expect(((await inspected.json()) as { transaction: { respcd: string } }).transaction.respcd).toBe("0000");
});

test("a wrongly signed request is refused with 1108", async ({ request }) => {
  const created = await request.post("/sandbox/qfpay/trade/v1/payment", {
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "X-QF-APPCODE": SANDBOX_APP_CODE,
      "X-QF-SIGN": "0".repeat(32),
    },
    data: "txamt=100&txcurrcd=HKD",
  });
  expect(((await created.json()) as { respcd: string }).respcd).toBe("1108");
});

test("every 404 is the shop's own page, with a way back to the shop", async ({ page }) => {
  for (const path of ["/no-such-page", "/products/no-such-tea", "/orders/AAAAAAAAAAAAAAAAAAAAAA"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Page not found");
    await expect(page.getByRole("link", { name: "Your cart" }), path).toHaveAttribute("href", "/cart");
  }
  await page.getByRole("link", { name: "Back to the shop" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(12);
});
