import { expect, test, type Page } from "@playwright/test";
import { receivedMail } from "./mailbox";
import { addToCart, checkoutWith, controlSandbox, JASMINE, orderStatus } from "./shop";

/**
 * The receipt reaches the SMTP server the run started (tests/e2e/mailbox.global-setup.ts) once, with what
 * the shopper needs, however many times QFPay repeats its notification; the order page says it was sent
 * only once it was. (A server killed between the payment and the send: receipt-after-crash.spec.ts.)
 */
// A payment, the mail's round trip and a second browser: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

async function expectReceiptOnce(page: Page, orderId: string, syssn: string) {
  // QFPay notifies the same payment three more times, all at once.
  await controlSandbox(page, { action: "notify", syssn, copies: 3 });
  const messageId = `<receipt.${orderId}@127.0.0.1>`;
  await expect.poll(() => receivedMail(messageId).length, { timeout: 20_000 }).toBe(1);
  const [mail] = receivedMail(messageId);
  expect(mail!.to).toBe("shopper@example.com");
  expect(mail!.subject).toBe("Harbour Tea & Goods: your receipt");
  expect(mail!.body).toContain(`1 × ${JASMINE}`);
  expect(mail!.body).toContain("Total paid: HK$128.00");
  expect(mail!.body).toContain(`QFPay transaction number: ${syssn}`);
  const link = /https?:\/\/\S+\/orders\/[\w-]{22}\?t=[\w-]{32}/.exec(mail!.body)?.[0];
  expect(link).toContain(`/orders/${orderId}?t=`);

  await page.reload();
  await expect(page.getByText("Sent to shopper@example.com")).toBeVisible();
  // The link in the email opens the order in a browser that never saw it.
  const other = await page.context().browser()!.newContext();
  const stranger = await other.newPage();
  await stranger.goto(link!);
  await expect(orderStatus(stranger)).toHaveText("Paid");
  await other.close();

  // Nothing more comes later.
  await page.waitForTimeout(1_000);
  expect(receivedMail(messageId)).toHaveLength(1);
}

test("desktop: paid in the sandbox cashier, the receipt arrives by email once", async ({ page, context }) => {
  await addToCart(page);
  await checkoutWith(page, "AlipayHK");
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
  const orderId = new URL(page.url()).pathname.split("/").pop()!;
  const payUrl = await page.getByRole("link", { name: "Open payment page" }).getAttribute("href");
  const syssn = payUrl!.split("/").pop()!;
  const cashier = await context.newPage();
  await cashier.goto(payUrl!);
  await cashier.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 10_000 });
  await expectReceiptOnce(page, orderId, syssn);
});

test("@phone paid in the wallet, back on the order page, the receipt arrives by email once", async ({ page }) => {
  await addToCart(page);
  await checkoutWith(page, "Alipay");
  await expect(page).toHaveURL(/\/sandbox\/cashier\/\d{26}$/);
  const syssn = page.url().split("/").pop()!;
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}\?t=[\w-]{32}$/, { timeout: 20_000 });
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 10_000 });
  const orderId = new URL(page.url()).pathname.split("/").pop()!;
  await expectReceiptOnce(page, orderId, syssn);
});
