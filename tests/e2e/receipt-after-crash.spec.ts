import { rmSync } from "node:fs";
import { expect, test as base, type Page } from "@playwright/test";
import { runReconcile, sandboxControl } from "../support/shop-http-client";
import { SERVER_SECRETS, startProductionServer, type ProductionServer } from "../support/production-server";
import { E2E_SMTP_PORT } from "./mailbox-port";
import { receivedMail } from "./mailbox";
import { addToCart, checkoutWith, orderStatus } from "./shop";

/**
 * The receipt arrives once even when the server is killed between the payment and the send: a shop of this
 * test's own (the production build, which it can kill), with `SHOP_CRASH_AT=mail.before-send`, dies in the
 * `after()` that claimed the receipt, right after the payment committed. Restarted, it shows the shopper
 * the paid order; QFPay notifies three more times; the cron job sends the receipt once the dead server's
 * lease (30 s) lapses. On a computer and on both phones.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);

const test = base.extend<object, { crashPort: number }>({
  // A port per worker: the projects run this file side by side, each with its own server and database.
  crashPort: [async ({}, provide, workerInfo) => provide(PORT + 20 + workerInfo.parallelIndex), { scope: "worker" }],
  baseURL: async ({ crashPort }, provide) => provide(`http://127.0.0.1:${crashPort}`),
});

test.describe.configure({ timeout: 180_000 });

let server: ProductionServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function startShop(port: number, env: Record<string, string> = {}) {
  return startProductionServer({
    port,
    database: { pgliteDir: `.data/e2e-crash-${port}` },
    env: {
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      MAIL_FROM: "Harbour Tea & Goods <receipts@harbour-tea.test>",
      ...env,
    },
  });
}

/** The shopper's order, from "Your orders" (a phone's return from the wallet died with the server). */
async function openOrder(page: Page): Promise<string> {
  await page.goto("/orders");
  await page
    .getByRole("link", { name: /^HT-\w{4}-\w{4}$/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

test("@every-device the server killed between the payment and the receipt's send: the receipt arrives once", async ({
  page,
  crashPort,
  isMobile,
}) => {
  rmSync(`.data/e2e-crash-${crashPort}`, { recursive: true, force: true });
  server = await startShop(crashPort, { SHOP_CRASH_AT: "mail.before-send" });
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  let cashier = page;
  if (!isMobile) {
    const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
    cashier = await page.context().newPage();
    await cashier.goto(payUrl!);
  }
  await expect(cashier).toHaveURL(/\/sandbox\/cashier\/\d{26}$/);
  const syssn = cashier.url().split("/").pop()!;
  await cashier.getByRole("button", { name: "Pay", exact: true }).click();
  // Paid and committed, the receipt claimed; the server dies before the send.
  const exit = await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 30_000, null))]);
  expect(exit).toMatchObject({ signal: "SIGKILL" });

  server = await startShop(crashPort);
  const orderId = await openOrder(page);
  await expect(orderStatus(page)).toHaveText("Paid");
  // QFPay notifies the payment three more times, all at once.
  expect((await sandboxControl(server.baseUrl, { action: "notify", syssn, copies: 3 })).status).toBe(200);
  const messageId = `<receipt.${orderId}@127.0.0.1>`;
  await expect
    .poll(
      async () => {
        await runReconcile(server!.baseUrl, SERVER_SECRETS.CRON_SECRET);
        return receivedMail(messageId).length;
      },
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBeGreaterThan(0);
  await runReconcile(server.baseUrl, SERVER_SECRETS.CRON_SECRET);
  await page.waitForTimeout(1_000);
  expect(receivedMail(messageId)).toHaveLength(1);
  expect(receivedMail(messageId)[0]!.body).toContain(`QFPay transaction number: ${syssn}`);
  await page.reload();
  await expect(page.getByText("Sent to shopper@example.com")).toBeVisible();
});
