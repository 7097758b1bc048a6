import { expect, it } from "vitest";
import { createLogger } from "@/lib/log";
import { handleNotifyRequest } from "@/lib/web/notify-handler";
import { signNotificationBody } from "@/lib/qfpay/notification";
import { SANDBOX_CLIENT_KEY } from "@/lib/sandbox/credentials";
import { notificationBody } from "@/lib/sandbox/notifications";
import type { Db } from "@/lib/db/connection";
import { shopForThisFile } from "../support/shop-harness";
import { checkout } from "../support/payments-helpers";

// A merchant whose notifications fail in production has the log to read: one JSON line per
// notification, per call to QFPay and per caught error, and never a secret or a shopper's email.
const shop = shopForThisFile();

async function paidBody() {
  const { attempt } = await checkout(shop);
  await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 3_600_000 } });
  await shop.control({ action: "pay", syssn: attempt.syssn });
  return { attempt, body: notificationBody((await shop.gateway.inspect({ syssn: attempt.syssn! }))!.transaction) };
}

function post(body: string, signature = signNotificationBody(body, SANDBOX_CLIENT_KEY)) {
  return fetch(shop.notifyUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-QF-SIGN": signature },
    body,
  });
}

it("logs a notification, the query that confirms it and what came of it, each as one line naming its event", async () => {
  const { attempt, body } = await paidBody();
  expect((await post(body)).status).toBe(200);
  expect(shop.logLines).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        event: "qfpay.call",
        endpoint: "payment",
        outTradeNo: attempt.outTradeNo,
        outcome: "accepted",
        code: "0000",
      }),
      expect.objectContaining({
        event: "notification",
        outcome: "applied",
        outTradeNo: attempt.outTradeNo,
        syssn: attempt.syssn,
        times: 1,
      }),
      expect.objectContaining({ event: "qfpay.call", endpoint: "query", outcome: "accepted", code: "0000" }),
      expect.objectContaining({
        event: "notification.confirmed",
        outTradeNo: attempt.outTradeNo,
        query: "settled",
        truth: "paid",
        taken: true,
      }),
    ]),
  );
  for (const line of shop.logLines) expect(typeof line.ms === "number" || line.event !== "qfpay.call").toBe(true);
});

it("logs a refused notification with its reason, and never the signature, the key, the secret or an email", async () => {
  const { body } = await paidBody();
  const forged = signNotificationBody(body, "not-the-key");
  expect((await post(body, forged)).status).toBe(401);
  expect(shop.logLines).toContainEqual(
    expect.objectContaining({ event: "notification.refused", reason: "bad_signature", status: 401 }),
  );
  const text = shop.logLines.map((line) => JSON.stringify(line)).join("\n");
  for (const secret of [
    forged,
    signNotificationBody(body, SANDBOX_CLIENT_KEY),
    SANDBOX_CLIENT_KEY,
    shop.ctx.sessionSecret,
    "shopper@example.com",
  ]) {
    expect(text).not.toContain(secret);
  }
});

it("logs an error it catches, and answers FAIL so that QFPay sends the notification again", async () => {
  const { body } = await paidBody();
  const broken = new Proxy({} as Db, {
    get: () => () => {
      throw new Error("connection terminated");
    },
  });
  const request = new Request(shop.notifyUrl, {
    method: "POST",
    headers: { "X-QF-SIGN": signNotificationBody(body, SANDBOX_CLIENT_KEY) },
    body,
  });
  const response = await handleNotifyRequest({ ...shop.ctx, db: broken }, request, "127.0.0.1");
  expect(response.status).toBe(503);
  expect(shop.logLines).toContainEqual(
    expect.objectContaining({
      event: "notification.error",
      level: 50,
      error: { name: "Error", message: "connection terminated" },
    }),
  );
});

it("redacts secret keys wherever they sit in a line", () => {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger(
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    "info",
  );
  log.info({
    event: "test",
    clientKey: "k1",
    email: "a@example.com",
    request: { sign: "s1", password: "p1", amount: 100 },
  });
  expect(lines[0]).toMatchObject({
    event: "test",
    clientKey: "[redacted]",
    email: "[redacted]",
    request: { sign: "[redacted]", password: "[redacted]", amount: 100 },
  });
});
