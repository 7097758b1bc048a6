import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SANDBOX_CLIENT_KEY } from "../../lib/sandbox/credentials";
import { addToCart, checkoutWith } from "./shop";

// The secrets the e2e server runs with (playwright.config.ts): none may reach a browser.
const SECRETS = {
  SESSION_SECRET: "e2e-session-secret-at-least-32-characters-long",
  ADMIN_PASSWORD: "e2e-admin-password",
  CRON_SECRET: "e2e-cron-secret-0123456789",
  QFPAY_CLIENT_KEY: SANDBOX_CLIENT_KEY,
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test("no server secret is in the browser bundles", () => {
  const files = filesUnder(path.join(process.cwd(), ".next", "static"));
  expect(files.length).toBeGreaterThan(5);
  for (const file of files) {
    const text = readFileSync(file, "latin1");
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(text.includes(value), `${name} found in ${file}`).toBe(false);
    }
  }
});

test("no server secret is in any page, and every page carries the security headers", async ({ page, request }) => {
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  await expect(page).toHaveURL(/\/orders\//);
  const pages = [
    "/",
    "/products/jasmine-pearls",
    "/cart",
    "/checkout",
    new URL(page.url()).pathname,
    "/admin",
    "/does-not-exist",
  ];
  for (const pathname of pages) {
    const response = await page.request.get(pathname);
    const html = await response.text();
    for (const [name, value] of Object.entries(SECRETS))
      expect(html.includes(value), `${name} in ${pathname}`).toBe(false);
    const headers = response.headers();
    expect(headers["content-security-policy"], pathname).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  }
  const api = await request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the pages work under the Content-Security-Policy, QR code included", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await addToCart(page);
  await checkoutWith(page, "Alipay");
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expect(page.getByRole("timer")).toHaveText(/^\d+:\d\d$/);
  expect(violations).toEqual([]);
});

test("the status endpoint refuses other sites' pages and other sessions", async ({ page, browser }) => {
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
  const id = new URL(page.url()).pathname.split("/")[2];
  expect((await page.request.get(`/api/orders/${id}/status`)).status()).toBe(200);
  const crossSite = await page.request.get(`/api/orders/${id}/status`, { headers: { Origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  const stranger = await browser.newContext();
  expect((await stranger.request.get(`/api/orders/${id}/status`)).status()).toBe(404);
  await stranger.close();
});

test("the reconciliation route needs the cron secret", async ({ request }) => {
  expect((await request.get("/api/cron/reconcile")).status()).toBe(401);
  expect(
    (
      await request.get("/api/cron/reconcile", { headers: { Authorization: "Bearer wrong-secret-0123456789" } })
    ).status(),
  ).toBe(401);
  const ok = await request.get("/api/cron/reconcile", { headers: { Authorization: `Bearer ${SECRETS.CRON_SECRET}` } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ checked: expect.any(Number), gatewayErrors: expect.any(Number) });
});

test("the notification route refuses a forged notification over real HTTP", async ({ request }) => {
  const body =
    '{"status": "1", "notify_type": "payment", "syssn": "1", "out_trade_no": "PX", "txamt": "100", "txcurrcd": "HKD", "respcd": "0000"}';
  const forged = await request.post("/api/qfpay/notify", {
    headers: { "Content-Type": "application/json", "X-QF-SIGN": "0".repeat(32) },
    data: body,
  });
  expect(forged.status()).toBe(401);
  expect(await forged.text()).not.toContain("SUCCESS");
  const big = await request.post("/api/qfpay/notify", {
    headers: { "Content-Type": "application/json" },
    data: "x".repeat(1024 * 1024),
  });
  expect(big.status()).toBe(413);
});
