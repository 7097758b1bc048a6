import { expect, test, type Page } from "@playwright/test";
import { addToCart, checkoutWith, orderStatus } from "./shop";

// The QR page hears the payment pushed by the server (Server-Sent Events from /api/orders/[id]/events),
// and polls /api/orders/[id]/status only when the stream cannot be had.

/** The order page's requests to its two status routes, as the browser made them. */
function watchStatusRoutes(page: Page) {
  const seen = { events: 0, polls: 0 };
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/api\/orders\/[\w-]+\/events$/.test(path)) seen.events += 1;
    if (/^\/api\/orders\/[\w-]+\/status$/.test(path)) seen.polls += 1;
  });
  return seen;
}

async function payAtCashier(page: Page) {
  const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
  const cashier = await page.context().newPage();
  await cashier.goto(payUrl!);
  await cashier.getByRole("button", { name: "Pay", exact: true }).click();
  // Closed only once the cashier sent the shopper back: closed at once, it could cancel the payment's request.
  await expect(cashier).toHaveURL(/\/orders\/[\w-]{22}\?t=[\w-]{32}$/);
  await cashier.close();
}

test("desktop: the QR page turns Paid by the stream, without a single poll", async ({ page }) => {
  const seen = watchStatusRoutes(page);
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expect(orderStatus(page)).toHaveAttribute("data-live", "stream");
  await payAtCashier(page);
  // Polling would take up to 1.5 s more than the push, and would show in `seen.polls`.
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 5_000 });
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  expect(seen.events).toBeGreaterThanOrEqual(1);
  expect(seen.polls).toBe(0);
});

test("desktop: when the stream fails, the page polls and still turns Paid", async ({ page }) => {
  const seen = watchStatusRoutes(page);
  await page.route("**/api/orders/*/events*", (route) => route.abort("connectionreset"));
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  await expect(orderStatus(page)).toHaveAttribute("data-live", "polling");
  await payAtCashier(page);
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 10_000 });
  expect(seen.polls).toBeGreaterThanOrEqual(1);
});

test("the stream's first event comes at once through the proxy, uncompressed and uncached", async ({ page }) => {
  await addToCart(page);
  await checkoutWith(page, "Alipay");
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
  const id = new URL(page.url()).pathname.split("/")[2];
  // Read in the page: the request carries its session, and the browser asks for gzip as it always does.
  const first = await page.evaluate(async (orderId) => {
    const abort = new AbortController();
    const started = performance.now();
    const response = await fetch(`/api/orders/${orderId}/events`, { signal: abort.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!text.includes("event: status")) text += (await reader.read()).value ?? "";
    abort.abort();
    return {
      ms: performance.now() - started,
      text,
      type: response.headers.get("content-type"),
      cache: response.headers.get("cache-control"),
      encoding: response.headers.get("content-encoding"),
    };
  }, id);
  expect(first.type).toBe("text/event-stream; charset=utf-8");
  expect(first.cache).toBe("no-cache, no-transform");
  expect(first.encoding).toBeNull();
  expect(first.text).toMatch(/^retry: 3000\n\nevent: status\ndata: \{"state":"awaiting_payment"/);
  expect(first.ms).toBeLessThan(3_000);
});

test("the events route refuses other sites' pages and other sessions, as the status route does", async ({
  page,
  browser,
}) => {
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
  const id = new URL(page.url()).pathname.split("/")[2];
  const crossSite = await page.request.get(`/api/orders/${id}/events`, { headers: { Origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  const stranger = await browser.newContext();
  expect((await stranger.request.get(`/api/orders/${id}/events`)).status()).toBe(404);
  expect((await stranger.request.get(`/api/orders/AAAAAAAAAAAAAAAAAAAAAA/events`)).status()).toBe(404);
  await stranger.close();
});
