import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { refusedNotifications } from "@/lib/db/schema/notifications";
import { CBTIS_REFUNDS_IN_PORTAL } from "@/lib/gateways/cbtis/cbtis-gateway";
import { queryAttempt } from "@/lib/payments/query-attempt";
import { reconcile } from "@/lib/payments/reconcile";
import { refundOrder } from "@/lib/payments/refund-payment";
import type { Wallet } from "@/lib/qfpay/pay-types";
import { eventually } from "../support/sandbox-harness";
import { shopForThisFile } from "../support/shop-harness";
import { attemptsOf, checkout, notificationRecords, orderOf } from "../support/payments-helpers";

/*
 * The shop paying through CBTIS, wired as the app wires it (PAYMENT_PROVIDER=cbtis, the stand-in over
 * HTTP): the use cases are QFPay's, unchanged; only the gateway differs. A webhook is a hint the shop
 * checks by query: a forged one for an order never paid changes nothing.
 */
const shop = shopForThisFile({}, { PAYMENT_PROVIDER: "cbtis" });

const queryCalls = (outTradeNo: string) =>
  shop.logLines.filter(
    (line) => line.event === "cbtis.call" && line.endpoint === "query" && line.outTradeNo === outTradeNo,
  ).length;

async function postWebhook(body: unknown, sender = "203.0.113.9") {
  const response = await fetch(shop.notifyUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", "x-forwarded-for": sender },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

async function unmatchedHints(): Promise<number> {
  const rows = await shop.database.db
    .select()
    .from(refusedNotifications)
    .where(eq(refusedNotifications.reason, "unmatched_hint"));
  return rows.reduce((sum, row) => sum + row.count, 0);
}

function hintFor(attempt: { syssn: string | null; outTradeNo: string }) {
  return { notify_type: "payment_success", data: { order_id: attempt.syssn, merchant_order_id: attempt.outTradeNo } };
}

describe("the shop through CBTIS", () => {
  it.each([
    ["alipayhk", "ALIPAYHK"],
    ["alipay", "ALIPAYCN"],
  ] as [Wallet, string][])(
    "a desktop %s checkout creates a %s QR intent; paying it sends a webhook the shop confirms by query",
    async (wallet, code) => {
      const { orderId, attempt } = await checkout(shop, { wallet, device: "desktop", qty: 2 });
      expect(attempt).toMatchObject({ state: "awaiting_payment", payType: `${code}/web_qrcode`, amount: 25600 });
      expect(attempt.payUrl).toBe(`${shop.server.url}/sandbox/cbtis/cashier/${attempt.syssn}`);
      const held = await shop.cbtis.inspect({ merchantOrderId: attempt.outTradeNo });
      expect(held?.intent).toMatchObject({ amount: "256.00", currency: "HKD", wallet: code, flow: "web_qrcode" });

      expect((await shop.cbtisControl({ action: "pay", orderId: attempt.syssn })).status).toBe(200);
      await eventually(async () => (await orderOf(shop, orderId)).state === "paid");
      await shop.settle();
      const record = await eventually(async () =>
        (await notificationRecords(shop)).find((r) => r.outTradeNo === attempt.outTradeNo),
      );
      expect(record).toMatchObject({ outcome: "applied", outTradeNo: attempt.outTradeNo, syssn: attempt.syssn });
    },
  );

  it("a phone checkout asks for the redirect flow", async () => {
    const { attempt } = await checkout(shop, { wallet: "alipayhk", device: "mobile" });
    expect(attempt.payType).toBe("ALIPAYHK/mobile_web");
    expect((await shop.cbtis.inspect({ merchantOrderId: attempt.outTradeNo }))?.intent.flow).toBe("mobile_web");
  });

  it("a forged webhook for an order never paid leaves it unpaid, and is answered so that it is not taken", async () => {
    const { orderId, attempt } = await checkout(shop);
    expect((await postWebhook(hintFor(attempt))).status).toBe(503);
    expect((await orderOf(shop, orderId)).state).toBe("awaiting_payment");
    expect((await attemptsOf(shop, orderId))[0]!.state).toBe("awaiting_payment");
    const record = (await notificationRecords(shop)).find((r) => r.outTradeNo === attempt.outTradeNo);
    expect(record).toMatchObject({ outcome: "unconfirmed", signatureValid: false });
    // One for an order the shop never made, or naming another intent of one it did, changes nothing either
    // and is answered (nothing to retry); it is counted, not stored.
    const before = await unmatchedHints();
    const unknown = { notify_type: "payment_success", data: { order_id: "C000", merchant_order_id: "P-NOT-OURS" } };
    expect(await postWebhook(unknown)).toEqual({ status: 200, text: "SUCCESS" });
    expect(await postWebhook(hintFor({ ...attempt, syssn: "C-SOMEONE-ELSES" }))).toEqual({
      status: 200,
      text: "SUCCESS",
    });
    expect(await unmatchedHints()).toBe(before + 2);
    const stored = (await notificationRecords(shop)).map((r) => r.outTradeNo);
    expect(stored).not.toContain("P-NOT-OURS");
    expect(stored.filter((outTradeNo) => outTradeNo === attempt.outTradeNo)).toHaveLength(1);
    expect((await orderOf(shop, orderId)).reviewReason ?? null).toBeNull();
  });

  it("keeps unproven junk at any volume out of the notification records, and answers a sender over its allowance 429", async () => {
    const { attempt } = await checkout(shop);
    const recordsBefore = (await notificationRecords(shop)).length;
    const refusedRowsBefore = (await shop.database.db.select().from(refusedNotifications)).length;
    const before = await unmatchedHints();
    // Unreadable bodies, other webhook types, unknown orders and other intents of a known order, 150 from
    // one sender: every one proves nothing and names nothing the shop acts on.
    const junk = (i: number) =>
      [
        `{"junk": ${i}}`,
        {
          notify_type: `refund_success_${i}`,
          data: { order_id: attempt.syssn, merchant_order_id: attempt.outTradeNo },
        },
        { notify_type: "payment_success", data: { order_id: `C${i}`, merchant_order_id: `P-NOT-OURS-${i}` } },
        hintFor({ ...attempt, syssn: `C-OTHER-${i}` }),
      ][i % 4];
    const answers = await Promise.all(Array.from({ length: 150 }, (_, i) => postWebhook(junk(i), "198.51.100.7")));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(120);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30);
    expect(await unmatchedHints()).toBe(before + 120);
    expect((await notificationRecords(shop)).length).toBe(recordsBefore);
    const refusedRows = await shop.database.db.select().from(refusedNotifications);
    expect(refusedRows.length - refusedRowsBefore).toBeLessThanOrEqual(1); // at most a new hour's row
    // Another sender keeps its own allowance.
    expect((await postWebhook(junk(0), "198.51.100.8")).status).toBe(200);
  });

  it("a flood of hints for a known order costs CBTIS one query per spacing interval and one record", async () => {
    const { orderId, attempt } = await checkout(shop);
    const spacing = shop.ctx.querySpacingMs;
    shop.ctx.querySpacingMs = 60_000;
    const queriesBefore = queryCalls(attempt.outTradeNo);
    try {
      // Copies of one hint, reworded (spacing, extra fields) and from several senders, all at once.
      const copies = Array.from({ length: 40 }, (_, i) =>
        i % 2 ? JSON.stringify(hintFor(attempt), null, i % 7) : { ...hintFor(attempt), extra: i },
      );
      const answers = await Promise.all(copies.map((copy, i) => postWebhook(copy, `192.0.2.${i % 4}`)));
      expect(answers.every((a) => a.status === 503)).toBe(true);
    } finally {
      shop.ctx.querySpacingMs = spacing;
    }
    expect(queryCalls(attempt.outTradeNo) - queriesBefore).toBeLessThanOrEqual(1);
    const records = (await notificationRecords(shop)).filter((r) => r.outTradeNo === attempt.outTradeNo);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ timesReceived: 40, signatureValid: false, outcome: "unconfirmed" });
    expect((await orderOf(shop, orderId)).state).toBe("awaiting_payment");
  });

  it("a webhook moments after the order page asked CBTIS waits its turn, and is taken", async () => {
    const { orderId, attempt } = await checkout(shop);
    const spacing = shop.ctx.querySpacingMs;
    shop.ctx.querySpacingMs = 1_000;
    try {
      await shop.cbtisControl({ action: "fault", fault: { endpoint: "webhook", kind: "delay", delayMs: 3_600_000 } });
      // The order page's poll takes the turn (as the checkout's own answer did, moments ago); the shopper pays;
      // CBTIS's webhook comes within the spacing.
      await queryAttempt(shop.ctx, attempt, "status");
      await shop.cbtisControl({ action: "pay", orderId: attempt.syssn });
      expect(await postWebhook(hintFor(attempt))).toEqual({ status: 200, text: "SUCCESS" });
    } finally {
      shop.ctx.querySpacingMs = spacing;
    }
    expect((await orderOf(shop, orderId)).state).toBe("paid");
  });

  it("a webhook for a cancelled intent is recorded as not borne out, and flags nothing", async () => {
    const { orderId, attempt } = await checkout(shop);
    await shop.cbtisControl({ action: "cancel", orderId: attempt.syssn });
    const hint = {
      notify_type: "payment_success",
      data: { order_id: attempt.syssn, merchant_order_id: attempt.outTradeNo },
    };
    expect((await postWebhook(hint)).status).toBe(200);
    const order = await orderOf(shop, orderId);
    expect(order.state).toBe("expired");
    expect(order.reviewReason ?? null).toBeNull();
  });

  it("a create that timed out is left unknown and settled by reconciliation, never sent again", async () => {
    await shop.cbtisControl({ action: "fault", fault: { endpoint: "create", kind: "timeout", delayMs: 3_000 } });
    const { orderId, attempt } = await checkout(shop);
    expect(attempt.state).not.toBe("awaiting_payment");
    const held = await shop.cbtis.inspect({ merchantOrderId: attempt.outTradeNo });
    await shop.cbtisControl({ action: "pay", orderId: held!.intent.orderId });
    await reconcile(shop.ctx);
    await shop.settle();
    expect((await orderOf(shop, orderId)).state).toBe("paid");
    expect(await attemptsOf(shop, orderId)).toHaveLength(1);
  });

  it("reconciliation settles an intent left pending (pending then paid) and a cancelled one", async () => {
    await shop.cbtisControl({ action: "fault", fault: { endpoint: "create", kind: "pending", afterQueries: 0 } });
    const paid = await checkout(shop);
    const cancelled = await checkout(shop);
    await shop.cbtisControl({ action: "cancel", orderId: cancelled.attempt.syssn });
    await reconcile(shop.ctx);
    await shop.settle();
    expect((await orderOf(shop, paid.orderId)).state).toBe("paid");
    expect((await orderOf(shop, cancelled.orderId)).state).toBe("expired");
  });

  it("refunds are refused with words that point to CBTIS's portal, and nothing is sent", async () => {
    const { orderId, attempt } = await checkout(shop);
    await shop.cbtisControl({ action: "pay", orderId: attempt.syssn });
    await eventually(async () => (await orderOf(shop, orderId)).state === "paid");
    expect(shop.ctx.gateway.refundsOutsideShop).toBe(CBTIS_REFUNDS_IN_PORTAL);
    const result = await refundOrder(shop.ctx, {
      orderId,
      amount: "rest",
      requestKey: crypto.randomUUID(),
      by: "admin",
    });
    expect(result).toEqual({ ok: false, problem: { code: "refundsInPortal", provider: "CBTIS" } });
    expect((await orderOf(shop, orderId)).state).toBe("paid");
  });

  it("records a refund the merchant made in CBTIS's portal, once, without sending anything to CBTIS", async () => {
    const { orderId, attempt } = await checkout(shop, { qty: 2 });
    await shop.cbtisControl({ action: "pay", orderId: attempt.syssn });
    await eventually(async () => (await orderOf(shop, orderId)).state === "paid");
    const calls = () => shop.logLines.filter((line) => line.event === "cbtis.call").length;
    const before = calls();
    const record = (amount: number | "rest", requestKey: string) =>
      refundOrder(shop.ctx, { orderId, amount, requestKey, by: "admin", madeInPortal: true });

    // The admin's double click, two submits at once with one key: one refund.
    const key = crypto.randomUUID();
    const [first, second] = await Promise.all([record(5_000, key), record(5_000, key)]);
    expect(first.ok && second.ok && first.refund.id === second.refund.id).toBe(true);
    expect(first.ok && first.refund).toMatchObject({ state: "succeeded", amount: 5_000 });
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "partially_refunded", refundedTotal: 5_000 });
    // More than the payment still holds is refused; the rest is taken, and the order is refunded.
    expect(await record(25_600, crypto.randomUUID())).toEqual({
      ok: false,
      problem: { code: "atMost", max: 20_600, currency: "HKD" },
    });
    expect((await record("rest", crypto.randomUUID())).ok).toBe(true);
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "refunded", refundedTotal: 25_600 });
    expect(calls()).toBe(before);
    // A shop that refunds through its gateway does not take a record on anyone's word.
    const qfpayLike = { ...shop.ctx, gateway: { ...shop.ctx.gateway, refundsOutsideShop: null } };
    expect(
      await refundOrder(qfpayLike, {
        orderId,
        amount: 100,
        requestKey: crypto.randomUUID(),
        by: "admin",
        madeInPortal: true,
      }),
    ).toEqual({ ok: false, problem: { code: "refundedHere" } });
  });
});
