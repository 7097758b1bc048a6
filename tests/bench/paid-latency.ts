import { existsSync } from "node:fs";
import os from "node:os";
import { chromium } from "@playwright/test";
import { orderUrl } from "@/lib/payments/order-access";
import { percentile } from "../reliability/pool";
import { SERVER_SECRETS } from "../support/production-server";
import {
  cashierSyssnIn,
  fillCart,
  holdSandboxNotifications,
  notificationsFor,
  payInSandbox,
  shopperNumber,
} from "../support/shop-fixtures";

export interface PaidLatency {
  runs: number;
  /** From QFPay's notification answered SUCCESS to the page showing Paid (the measure), ms. */
  p50: number;
  p99: number;
  /** From the notification sent (so including its own processing) to the page showing Paid, ms. */
  fromSendP50: number;
  fromSendP99: number;
  /** How the pages heard it: requests to the polling route while they waited (0 when the stream did it). */
  polls: number;
  /** The machine's 1-minute load average as the runs began and as they ended (other work shares the cores). */
  load: [number, number];
}

const WARM_UP = 3;

declare global {
  interface Window {
    __paidAt?: number;
  }
}

/**
 * In a real browser (Debian's Chromium when present), for each run: an order awaiting payment, its QR page
 * open and its status stream heard; the payment made in the sandbox and QFPay's notification posted as
 * QFPay would; then the time until the page's status reads Paid, taken in the page by a MutationObserver
 * on the same clock as the notification's answer (one machine). The sandbox's own notifications are held
 * back so that the one timed is the one that pays.
 */
export async function measurePaidLatency(baseUrl: string, runs: number): Promise<PaidLatency> {
  const loadBefore = os.loadavg()[0]!;
  await holdSandboxNotifications(baseUrl, runs + WARM_UP);
  const browser = await chromium.launch({
    executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const fromSuccess: number[] = [];
  const fromSend: number[] = [];
  let polls = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      new MutationObserver(() => {
        if (window.__paidAt === undefined && document.querySelector(".order-status")?.textContent === "Paid")
          window.__paidAt = Date.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    for (let i = 0; i < runs + WARM_UP; i++) {
      const shopper = shopperNumber(baseUrl, 70_000 + i);
      await fillCart(shopper, i);
      const { orderId } = await shopper.checkout();
      const page = await context.newPage();
      page.on("request", (request) => {
        if (/\/api\/orders\/[\w-]+\/status/.test(request.url())) polls += 1;
      });
      await page.goto(orderUrl(baseUrl, orderId!, SERVER_SECRETS.SESSION_SECRET));
      await page.locator('.order-status[data-live="stream"]').waitFor({ timeout: 10_000 });
      const payLink = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
      const syssn = cashierSyssnIn(payLink ?? "");
      if (!syssn) throw new Error("the QR page offers no sandbox payment page");
      await payInSandbox(baseUrl, syssn);
      const [note] = await notificationsFor(baseUrl, [syssn], 0);
      const sentAt = Date.now();
      const answer = await fetch(`${baseUrl}/api/qfpay/notify`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-qf-sign": note!.sign },
        body: note!.body,
      });
      const text = await answer.text();
      const answeredAt = Date.now();
      if (text.trim() !== "SUCCESS") throw new Error(`the notification was answered ${answer.status} ${text}`);
      await page.waitForFunction(() => window.__paidAt !== undefined, undefined, { timeout: 15_000 });
      const paidAt = (await page.evaluate(() => window.__paidAt))!;
      if (i >= WARM_UP) {
        fromSuccess.push(paidAt - answeredAt);
        fromSend.push(paidAt - sentAt);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  fromSuccess.sort((a, b) => a - b);
  fromSend.sort((a, b) => a - b);
  return {
    runs,
    p50: Math.round(percentile(fromSuccess, 50)),
    p99: Math.round(percentile(fromSuccess, 99)),
    fromSendP50: Math.round(percentile(fromSend, 50)),
    fromSendP99: Math.round(percentile(fromSend, 99)),
    polls,
    load: [loadBefore, os.loadavg()[0]!].map((n) => Math.round(n * 100) / 100) as [number, number],
  };
}
