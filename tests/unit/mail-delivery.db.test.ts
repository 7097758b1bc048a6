import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { mailOutbox } from "@/lib/db/schema/mail";
import { smtpMailer } from "@/lib/mail/smtp-mailer";
import { composeMail } from "@/lib/payments/compose-mail";
import { deliverDueMail, MAIL_LEASE_MS } from "@/lib/payments/deliver-mail";
import { orderUrl } from "@/lib/payments/order-access";
import { receiptMailNote } from "@/lib/payments/receipt-mail-note";
import { refundOrder } from "@/lib/payments/refund-payment";
import { claimDueMail, mailOfOrder } from "@/lib/payments/store/mail-outbox";
import { eventually } from "../support/sandbox-harness";
import { startShop, type ShopHarness } from "../support/shop-harness";
import { startMailbox, type TestMailbox } from "../support/test-mailbox";
import { attemptsOf, checkout, orderOf } from "../support/payments-helpers";

// A clock from noon in Hong Kong (outside QFPay's 23:30-00:30 refund blackout), which a test moves on.
const noon = new Date();
noon.setUTCHours(4, 0, 0, 0);
const OFFSET_MS = noon.getTime() - Date.now();
let shiftMs = 0;
const clock = () => new Date(Date.now() + OFFSET_MS + shiftMs);

let mailbox: TestMailbox;
let shop: ShopHarness;
/** The same shop with no SMTP server configured. */
let quiet: ShopHarness;

beforeAll(async () => {
  mailbox = await startMailbox();
  const mail = { SMTP_URL: mailbox.url, MAIL_FROM: "Harbour Tea & Goods <receipts@harbour-tea.test>" };
  shop = await startShop({ now: clock }, mail);
  quiet = await startShop({ now: clock });
});
afterAll(async () => {
  await shop?.close();
  await quiet?.close();
  await mailbox?.close();
});
beforeEach(async () => {
  for (const harness of [shop, quiet]) {
    await harness.settle();
    await harness.control({ action: "reset" });
    await harness.control({ action: "settings", clockOffsetMs: OFFSET_MS });
  }
  shiftMs = 0;
  mailbox.refuseNext(0);
});

const messagesFor = (messageId: string) => mailbox.messages.filter((m) => m.messageId === messageId);
const outboxOf = async (harness: ShopHarness, orderId: string) =>
  harness.database.db.select().from(mailOutbox).where(eq(mailOutbox.orderId, orderId));

/** Pays a desktop order through the sandbox (its notification applies it) and waits for it to be paid. */
async function paidOrder(harness: ShopHarness) {
  const { orderId, attempt } = await checkout(harness);
  await harness.control({ action: "pay", syssn: attempt.syssn });
  await eventually(async () => ((await orderOf(harness, orderId)).state === "paid" ? true : null));
  await harness.settle();
  return { orderId, syssn: attempt.syssn! };
}

const receiptId = (orderId: string) => `<receipt.${orderId}@127.0.0.1>`;

describe("receipts by email", () => {
  it("sends the receipt once, with the items, the amount, the wallet, QFPay's number and the signed link", async () => {
    const { orderId, syssn } = await paidOrder(shop);
    // QFPay sends the same notification three more times, all at once.
    await shop.control({ action: "notify", syssn, copies: 3 });
    await shop.settle();
    await eventually(() => messagesFor(receiptId(orderId)).length > 0);
    await shop.settle();

    const received = messagesFor(receiptId(orderId));
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.to).toBe("shopper@example.com");
    expect(mail!.subject).toBe("Harbour Tea & Goods: your receipt");
    expect(mail!.body).toContain("1 × ");
    expect(mail!.body).toContain("Total paid: HK$128.00");
    expect(mail!.body).toContain("Paid with: AlipayHK");
    expect(mail!.body).toContain(`QFPay transaction number: ${syssn}`);
    expect(mail!.body).toContain(orderUrl(shop.ctx.siteUrl, orderId, shop.ctx.sessionSecret));
    expect(mail!.raw).toMatch(/Content-Type: text\/html/i);

    const [row] = await outboxOf(shop, orderId);
    expect(row).toMatchObject({ kind: "receipt", state: "sent", tries: 1, lastError: null });
    expect(receiptMailNote(await mailOfOrder(shop.database.db, orderId))).toBe("Sent to shopper@example.com");
  });

  it("sends a refund's confirmation once, with the refunded amount and QFPay's numbers", async () => {
    const { orderId, syssn } = await paidOrder(shop);
    const result = await refundOrder(shop.ctx, { orderId, amount: 5000, requestKey: randomUUID(), by: "test" });
    expect(result.ok).toBe(true);
    await shop.settle();
    const refund = result.ok ? result.refund : undefined;
    const id = `<refund.${refund!.id}@127.0.0.1>`;
    await eventually(() => messagesFor(id).length > 0);
    // QFPay's refund notification comes too, and a second copy of it: the refund is confirmed once.
    await shop.control({ action: "deliver" });
    await shop.settle();
    expect(messagesFor(id)).toHaveLength(1);
    expect(messagesFor(id)[0]!.subject).toBe("Harbour Tea & Goods: your refund");
    expect(messagesFor(id)[0]!.body).toContain("Refunded now: HK$50.00");
    expect(messagesFor(id)[0]!.body).toContain(`QFPay payment number: ${syssn}`);
    expect(messagesFor(receiptId(orderId))).toHaveLength(1);
  });

  it("tries again after its wait when the mail server refuses, then sends it once", async () => {
    mailbox.refuseNext(1, 451);
    const { orderId } = await paidOrder(shop);
    const [waiting] = await outboxOf(shop, orderId);
    expect(waiting).toMatchObject({ state: "queued", tries: 1 });
    expect(waiting!.lastError).toContain("451");
    expect(messagesFor(receiptId(orderId))).toHaveLength(0);
    expect(receiptMailNote(await mailOfOrder(shop.database.db, orderId))).toMatch(/^Not sent yet to shopper@/);

    // Not due yet: nothing goes.
    expect(await deliverDueMail(shop.ctx)).toEqual({ sent: 0, unsent: 0 });
    shiftMs = 61_000;
    expect(await deliverDueMail(shop.ctx)).toEqual({ sent: 1, unsent: 0 });
    expect(messagesFor(receiptId(orderId))).toHaveLength(1);
    expect((await outboxOf(shop, orderId))[0]).toMatchObject({ state: "sent", tries: 2 });
  });

  it("gives a message up when the mail server refuses it for good, and the order page says so", async () => {
    mailbox.refuseNext(1, 550);
    const { orderId } = await paidOrder(shop);
    expect((await outboxOf(shop, orderId))[0]).toMatchObject({ state: "failed", tries: 1 });
    expect(receiptMailNote(await mailOfOrder(shop.database.db, orderId))).toBe(
      "Could not be sent to shopper@example.com",
    );
    shiftMs = 86_400_000;
    expect(await deliverDueMail(shop.ctx)).toEqual({ sent: 0, unsent: 0 });
  });

  it("three deliverers at once send a message once", async () => {
    mailbox.refuseNext(1, 451);
    const { orderId } = await paidOrder(shop);
    shiftMs = 61_000;
    const runs = await Promise.all([deliverDueMail(shop.ctx), deliverDueMail(shop.ctx), deliverDueMail(shop.ctx)]);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(1);
    expect(messagesFor(receiptId(orderId))).toHaveLength(1);
  });

  it("messages due together all go in one run: a claim takes only the messages it asks for", async () => {
    mailbox.refuseNext(3, 451);
    const orders = [await paidOrder(shop), await paidOrder(shop), await paidOrder(shop)];
    shiftMs = 61_000;
    // One claim of one: the other two stay due, for this deliverer's next claim or another's.
    const [first] = await claimDueMail(shop.database.db, clock(), MAIL_LEASE_MS, 1);
    expect(first).toBeDefined();
    expect(await claimDueMail(shop.database.db, clock(), MAIL_LEASE_MS, 5)).toHaveLength(2);
    shiftMs += MAIL_LEASE_MS + 1_000;
    expect(await deliverDueMail(shop.ctx)).toEqual({ sent: 3, unsent: 0 });
    for (const { orderId } of orders) expect(messagesFor(receiptId(orderId))).toHaveLength(1);
  });

  it("a deliverer that died holding a message: it goes once its lease lapses, and once only", async () => {
    mailbox.refuseNext(1, 451);
    const { orderId } = await paidOrder(shop);
    shiftMs = 61_000;
    // The dead deliverer claimed it and never sent it.
    expect(await claimDueMail(shop.database.db, clock(), MAIL_LEASE_MS, 5)).toHaveLength(1);
    expect(await deliverDueMail(shop.ctx)).toEqual({ sent: 0, unsent: 0 });
    shiftMs += MAIL_LEASE_MS + 1_000;
    expect(await deliverDueMail(shop.ctx)).toEqual({ sent: 1, unsent: 0 });
    expect(await deliverDueMail(shop.ctx)).toEqual({ sent: 0, unsent: 0 });
    expect(messagesFor(receiptId(orderId))).toHaveLength(1);
  });

  it("never stores or logs the SMTP credentials when the server cannot be reached", async () => {
    mailbox.refuseNext(1, 451);
    const { orderId } = await paidOrder(shop);
    shiftMs = 61_000;
    const unreachable = smtpMailer({ smtpUrl: "smtp://shop-user:S3cret-Passw0rd@127.0.0.1:1", from: "a@b.test" });
    shop.logLines.length = 0;
    expect(await deliverDueMail({ ...shop.ctx, mailer: unreachable })).toEqual({ sent: 0, unsent: 1 });
    const [row] = await outboxOf(shop, orderId);
    expect(row!.state).toBe("queued");
    expect(row!.lastError).toBeTruthy();
    expect(row!.lastError).not.toContain("S3cret-Passw0rd");
    expect(JSON.stringify(shop.logLines)).toContain("mail.retry");
    expect(JSON.stringify(shop.logLines)).not.toContain("S3cret-Passw0rd");
    expect(JSON.stringify(shop.logLines)).not.toContain("shopper@example.com");
  });
});

describe("with no SMTP server configured", () => {
  it("keeps the receipt in the outbox, readable, and the order page says it is queued", async () => {
    const { orderId, syssn } = await paidOrder(quiet);
    const rows = await outboxOf(quiet, orderId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "receipt", state: "queued", tries: 0, recipient: "shopper@example.com" });
    expect(receiptMailNote(await mailOfOrder(quiet.database.db, orderId))).toBe("Queued for shopper@example.com");
    expect(await deliverDueMail(quiet.ctx)).toEqual({ sent: 0, unsent: 0 });
    const message = await composeMail(quiet.ctx, rows[0]!);
    expect(message?.text).toContain(`QFPay transaction number: ${syssn}`);
    expect(message?.text).toContain(orderUrl(quiet.ctx.siteUrl, orderId, quiet.ctx.sessionSecret));
  });

  it("owes nothing for an order that is not paid", async () => {
    const { orderId } = await checkout(quiet);
    const [attempt] = await attemptsOf(quiet, orderId);
    await quiet.control({ action: "decline", syssn: attempt!.syssn });
    await quiet.settle();
    expect(await outboxOf(quiet, orderId)).toHaveLength(0);
  });
});
