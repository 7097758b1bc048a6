import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { refusedNotifications } from "@/lib/db/schema/notifications";
import { signNotificationBody } from "@/lib/qfpay/notification";
import { formatGatewayTime } from "@/lib/qfpay/gateway-time";
import { SANDBOX_CLIENT_KEY } from "@/lib/sandbox/credentials";
import { notificationBody } from "@/lib/sandbox/notifications";
import { eventually } from "../support/sandbox-harness";
import { shopForThisFile } from "../support/shop-harness";
import {
  attemptsOf,
  checkout,
  eventCount,
  notificationRecords,
  orderOf,
  stockOf,
  TEA,
} from "../support/payments-helpers";

const shop = shopForThisFile();

async function post(
  body: string | Uint8Array,
  sign: string | null = signNotificationBody(body, SANDBOX_CLIENT_KEY),
  sender = "203.0.113.1",
) {
  const headers: Record<string, string> = { "Content-Type": "application/json", "x-forwarded-for": sender };
  if (sign !== null) headers["X-QF-SIGN"] = sign;
  const response = await fetch(shop.notifyUrl, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : Buffer.from(body),
  });
  return { status: response.status, text: await response.text() };
}

/** A paid order whose notification the sandbox holds back, and the body QFPay would send for it. */
async function paidButNotNotified(qty = 1) {
  const { orderId, attempt } = await checkout(shop, { qty });
  await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 3_600_000 } });
  await shop.control({ action: "pay", syssn: attempt.syssn });
  const tx = (await shop.gateway.inspect({ syssn: attempt.syssn! }))!.transaction;
  return { orderId, attempt, body: notificationBody(tx), tx };
}

async function recordFor(body: string, signatureValid?: boolean) {
  const rows = await notificationRecords(shop);
  return rows.find(
    (row) => row.rawBody === body && (signatureValid === undefined || row.signatureValid === signatureValid),
  );
}

async function refusedCount(reason: "bad_signature" | "oversized"): Promise<number> {
  const rows = await shop.database.db
    .select()
    .from(refusedNotifications)
    .where(eq(refusedNotifications.reason, reason));
  return rows.reduce((sum, row) => sum + row.count, 0);
}

describe("the notification route", () => {
  it("20 concurrent copies: 20 × SUCCESS, one transition, one stock decrement, one order.paid", async () => {
    const stockBefore = (await stockOf(shop.database.db, TEA))!;
    const { orderId, body } = await paidButNotNotified(3);
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(body)));
    expect(answers.every((a) => a.status === 200 && a.text === "SUCCESS")).toBe(true);
    await shop.settle();
    expect((await orderOf(shop, orderId)).state).toBe("paid");
    expect(await eventCount(shop, orderId, "order.paid")).toBe(1);
    expect(await eventCount(shop, orderId, "attempt.paid")).toBe(1);
    expect(await eventCount(shop, orderId, "order.paid_effects")).toBe(1);
    expect(await stockOf(shop.database.db, TEA)).toBe(stockBefore - 3);
    expect((await recordFor(body))?.timesReceived).toBe(20);
  });

  it("confirms notifications that arrive together with one query to QFPay for all of them", async () => {
    const paid = [await paidButNotNotified(), await paidButNotNotified(), await paidButNotNotified()];
    const asked: string[][] = [];
    const { gateway } = shop.ctx;
    shop.ctx.gateway = {
      ...gateway,
      lookUpPayments: (payments) => {
        asked.push(payments.map((payment) => payment.outTradeNo));
        return gateway.lookUpPayments(payments);
      },
    };
    try {
      const answers = await Promise.all(paid.map((p) => post(p.body)));
      expect(answers.every((a) => a.status === 200 && a.text === "SUCCESS")).toBe(true);
      await shop.settle();
    } finally {
      shop.ctx.gateway = gateway;
    }
    expect(asked).toHaveLength(1);
    // …and the look-up is one query on QFPay's wire, as its log line per call shows.
    expect(shop.logLines.filter((line) => line.event === "qfpay.call" && line.endpoint === "query")).toHaveLength(1);
    expect([...asked[0]!].sort()).toEqual(paid.map((p) => p.attempt.outTradeNo).sort());
    for (const p of paid) {
      expect((await orderOf(shop, p.orderId)).state).toBe("paid");
      expect((await attemptsOf(shop, p.orderId))[0]!.lastQueriedAt).not.toBeNull();
    }
  });

  it("applies a batch's answers side by side: twelve orders of one tea paid together, each once, its stock taken exactly", async () => {
    const stockBefore = (await stockOf(shop.database.db, TEA))!;
    const paid = [];
    for (let i = 0; i < 12; i++) paid.push(await paidButNotNotified(2));
    // On PostgreSQL the answers' transactions run at once and all lock the tea's one stock row.
    const answers = await Promise.all(paid.map((p) => post(p.body)));
    expect(answers.map((a) => `${a.status} ${a.text}`)).toEqual(paid.map(() => "200 SUCCESS"));
    await shop.settle();
    for (const p of paid) {
      expect((await orderOf(shop, p.orderId)).state).toBe("paid");
      expect(await eventCount(shop, p.orderId, "order.paid_effects")).toBe(1);
    }
    expect(await stockOf(shop.database.db, TEA)).toBe(stockBefore - 2 * paid.length);
  });

  it("refuses a forged signature without changing anything, and counts it", async () => {
    const { orderId, body } = await paidButNotNotified();
    const before = await refusedCount("bad_signature");
    const answer = await post(body, "0".repeat(32), "203.0.113.2");
    expect(answer.status).toBe(401);
    expect(answer.text).not.toContain("SUCCESS");
    expect((await orderOf(shop, orderId)).state).toBe("awaiting_payment");
    expect(await recordFor(body)).toBeUndefined();
    expect(await refusedCount("bad_signature")).toBe(before + 1);
  });

  it("keeps unsigned junk at any volume to one counted row an hour, and answers a sender over its allowance 429", async () => {
    const junk = (i: number) => `{"junk": ${i}, "pad": "${"x".repeat(16 * 1024)}"}`;
    const rowsBefore = (await shop.database.db.select().from(refusedNotifications)).length;
    const before = await refusedCount("bad_signature");
    // 300 bodies of 16 KB from five senders of 60 each: every one refused, none stored whole.
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => post(junk(i), "A".repeat(32), `198.51.100.${i % 5}`)),
    );
    expect(answers.every((a) => a.status === 401)).toBe(true);
    const rows = await shop.database.db.select().from(refusedNotifications);
    expect(rows.length - rowsBefore).toBeLessThanOrEqual(1); // at most a new hour's row
    expect(await refusedCount("bad_signature")).toBe(before + 300);
    expect(rows.every((row) => row.sampleBody.length <= 512)).toBe(true);
    expect(await notificationRecords(shop)).not.toContainEqual(expect.objectContaining({ signatureValid: false }));
    // The 61st within the minute from one sender is not even counted.
    const over = await post(junk(301), "A".repeat(32), "198.51.100.0");
    expect(over.status).toBe(429);
    expect(await refusedCount("bad_signature")).toBe(before + 300);
  });

  it("refuses a missing signature and a body signed with another key", async () => {
    const { orderId, body } = await paidButNotNotified();
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, signNotificationBody(body, "ANOTHERKEY"))).status).toBe(401);
    expect((await orderOf(shop, orderId)).state).toBe("awaiting_payment");
  });

  it("never believes a tampered amount: unsigned it is refused; signed, QFPay's query decides and the order is flagged", async () => {
    const { orderId, attempt, body } = await paidButNotNotified();
    const tampered = body.replace(`"txamt": "${attempt.amount}"`, `"txamt": "1"`);
    expect(tampered).not.toBe(body);
    expect((await post(tampered, signNotificationBody(body, SANDBOX_CLIENT_KEY))).status).toBe(401);
    // Validly signed but for another amount (a gateway bug or a leaked key): recorded and flagged; the
    // order is what QFPay's query holds (the whole 128.00 paid), never what the message said.
    const answer = await post(tampered);
    expect(answer).toEqual({ status: 200, text: "SUCCESS" });
    const order = await orderOf(shop, orderId);
    expect(order.needsReview).toBe(true);
    expect(order.reviewReason).toMatch(/of 1 HKD was made, but QFPay's query says payment \S+ of 12800 HKD/);
    expect([order.state, (await attemptsOf(shop, orderId))[0]!.amount]).toEqual(["paid", 12800]);
    expect(await recordFor(tampered, true)).toMatchObject({ outcome: "mismatch" });
  });

  it("never believes a tampered currency", async () => {
    const { orderId, body } = await paidButNotNotified();
    const tampered = body.replace('"txcurrcd": "HKD"', '"txcurrcd": "USD"');
    expect((await post(tampered)).text).toBe("SUCCESS");
    const order = await orderOf(shop, orderId);
    expect([order.state, order.currency]).toEqual(["paid", "HKD"]);
    expect(order.reviewReason).toMatch(/of 12800 USD was made, but QFPay's query says payment \S+ of 12800 HKD/);
  });

  it("keeps a notification for an unknown order and flags it", async () => {
    const { body, attempt } = await paidButNotNotified();
    const unknown = body.replaceAll(attempt.outTradeNo, "PNOTOURS000000000000000000");
    expect((await post(unknown)).text).toBe("SUCCESS");
    expect(await recordFor(unknown)).toMatchObject({
      outcome: "unknown_order",
      outTradeNo: "PNOTOURS000000000000000000",
      signatureValid: true,
    });
  });

  it.each([
    ["malformed JSON", '{"status": "1", "txamt": '],
    ["an empty body", ""],
    ["a JSON array", "[1, 2]"],
    [
      "a fractional amount",
      '{"notify_type": "payment", "syssn": "1", "out_trade_no": "P1", "txamt": "1.5", "txcurrcd": "HKD", "respcd": "0000"}',
    ],
  ])("answers %s, signed, with SUCCESS and records it as malformed", async (_name, body) => {
    const answer = await post(body);
    expect(answer).toEqual({ status: 200, text: "SUCCESS" });
    expect((await recordFor(body))?.outcome).toBe("malformed");
  });

  it("refuses unsigned garbage and bytes that are not UTF-8, with no 500", async () => {
    expect((await post("not json at all", null)).status).toBe(401);
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    expect((await post(bytes)).status).toBe(200);
    expect((await post(bytes, "x")).status).toBe(401);
  });

  it("refuses a body of a megabyte with 413 and counts it", async () => {
    const big = `{"pad": "${"x".repeat(1024 * 1024)}"}`;
    const before = await refusedCount("oversized");
    const answer = await post(big, undefined, "203.0.113.3");
    expect(answer.status).toBe(413);
    expect(await refusedCount("oversized")).toBe(before + 1);
  });

  it("a payment notification after the order expired flags it and keeps it expired", async () => {
    const { orderId, attempt } = await checkout(shop);
    const { settleAttempt } = await import("@/lib/payments/settle-attempt");
    // The shop gave up on it (as reconciliation does past expiry) while QFPay still had it open.
    await settleAttempt(
      shop.ctx,
      attempt.id,
      { kind: "closed", syssn: attempt.syssn!, code: "1181", reason: "Order expired" },
      "test",
    );
    expect((await orderOf(shop, orderId)).state).toBe("expired");
    await shop.control({ action: "pay", syssn: attempt.syssn });
    const order = await eventually(async () =>
      (await orderOf(shop, orderId)).needsReview ? orderOf(shop, orderId) : null,
    );
    expect(order.state).toBe("expired");
    expect(order.reviewReason).toMatch(/Paid after the order had expired: refund payment \S+ or fulfil the order/);
    expect(await eventCount(shop, orderId, "order.paid")).toBe(0);
  });

  it("a refund notification before its payment's: both counted, in the documented state", async () => {
    const { orderId, attempt } = await paidButNotNotified();
    // The merchant refunds part of it in QFPay's portal before the payment notification arrives.
    const refund = await shop.merchantPortal.refund({
      syssn: attempt.syssn!,
      out_trade_no: "RPORTAL00000000000000001",
      txamt: 2800,
      txdtm: formatGatewayTime(new Date()),
    });
    expect(refund.kind).toBe("accepted");
    await eventually(async () =>
      (await notificationRecords(shop)).some((r) => r.notifyType === "refund" && r.outcome === "applied"),
    );
    await shop.settle();
    const order = await orderOf(shop, orderId);
    expect(order).toMatchObject({ state: "partially_refunded", refundedTotal: 2800 });
    expect(await eventCount(shop, orderId, "order.paid")).toBe(1);
    // The held-back payment notification arrives at last: a no-op.
    expect((await shop.control({ action: "notify", syssn: attempt.syssn, copies: 1 })).status).toBe(200);
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "partially_refunded", refundedTotal: 2800 });
  });

  it("a replay of the payment notification after a full refund changes nothing", async () => {
    const stockBefore = (await stockOf(shop.database.db, TEA))!;
    const { orderId, attempt, body } = await paidButNotNotified();
    expect((await post(body)).text).toBe("SUCCESS");
    await shop.settle();
    await shop.merchantPortal.refund({
      syssn: attempt.syssn!,
      out_trade_no: "RPORTAL00000000000000002",
      txamt: attempt.amount,
      txdtm: formatGatewayTime(new Date()),
    });
    await eventually(async () => ((await orderOf(shop, orderId)).state === "refunded" ? true : null));
    const replay = await post(body);
    expect(replay).toEqual({ status: 200, text: "SUCCESS" });
    await shop.settle();
    expect(await orderOf(shop, orderId)).toMatchObject({ state: "refunded", refundedTotal: attempt.amount });
    expect(await eventCount(shop, orderId, "order.paid")).toBe(1);
    expect(await stockOf(shop.database.db, TEA)).toBe(stockBefore - 1);
  });
});
