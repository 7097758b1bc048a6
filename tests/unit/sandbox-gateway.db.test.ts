import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { sandboxTransactions } from "@/lib/db/schema/sandbox";
import { formatGatewayTime } from "@/lib/qfpay/gateway-time";
import { parseNotification, verifyNotificationSignature } from "@/lib/qfpay/notification";
import { SANDBOX_CLIENT_KEY } from "@/lib/sandbox/credentials";
import { pythonJsonDumps } from "@/lib/sandbox/python-json";
import { eventually, startSandbox, type SandboxHarness } from "../support/sandbox-harness";
import { signedPost } from "../support/signed-post";

let sandbox: SandboxHarness;
let sequence = 0;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await sandbox.control({ action: "reset" });
  sandbox.received.length = 0;
  sandbox.receiverAnswer.status = 200;
  sandbox.receiverAnswer.body = "SUCCESS";
});

function params(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  sequence += 1;
  const all: Record<string, string | undefined> = {
    txamt: "2500",
    txcurrcd: "HKD",
    pay_type: "801514",
    out_trade_no: `S-${Date.now()}-${sequence}`,
    txdtm: formatGatewayTime(new Date()),
    notify_url: sandbox.receiverUrl,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

async function transactionCount(): Promise<number> {
  const [row] = await sandbox.database.db.select({ n: count() }).from(sandboxTransactions);
  return row!.n;
}

async function paidPayment(amount = "2500") {
  const request = params({ txamt: amount });
  const created = await signedPost(sandbox.apiBase, "payment", request);
  expect(created.json.respcd).toBe("0000");
  const syssn = created.json.syssn as string;
  expect((await sandbox.control({ action: "pay", syssn })).status).toBe(200);
  return { syssn, outTradeNo: request.out_trade_no! };
}

function refund(syssn: string, txamt: string, outTradeNo = `R-${Date.now()}-${++sequence}`) {
  return signedPost(sandbox.apiBase, "refund", {
    syssn,
    out_trade_no: outTradeNo,
    txamt,
    txdtm: formatGatewayTime(new Date()),
  });
}

describe("sandbox refusals", () => {
  it("answers 1108 to a wrong signature and creates nothing", async () => {
    const before = await transactionCount();
    const { json } = await signedPost(sandbox.apiBase, "payment", params(), { sign: "0".repeat(32) });
    expect(json.respcd).toBe("1108");
    expect(await transactionCount()).toBe(before);
  });

  it("answers 1108 to an unknown app code", async () => {
    const { json } = await signedPost(sandbox.apiBase, "payment", params(), { appCode: "SOMEONEELSE" });
    expect(json.respcd).toBe("1108");
  });

  it("answers 1108 when a field was sent but not signed", async () => {
    const request = params();
    const { sign } = { sign: (await import("@/lib/qfpay/sign")).signParams(request, SANDBOX_CLIENT_KEY) };
    const { json } = await signedPost(sandbox.apiBase, "payment", { ...request, goods_name: "Tea" }, { sign });
    expect(json.respcd).toBe("1108");
  });

  it("checks SHA-256 signatures in either case", async () => {
    const request = params();
    const { signParams } = await import("@/lib/qfpay/sign");
    const sign = signParams(request, SANDBOX_CLIENT_KEY, "SHA256").toLowerCase();
    const { json } = await signedPost(sandbox.apiBase, "payment", request, { sign, signType: "SHA256" });
    expect(json.respcd).toBe("0000");
  });

  it.each<[string, Record<string, string | undefined>]>([
    ["a missing txamt", { txamt: undefined }],
    ["a fractional txamt", { txamt: "12.50" }],
    ["a negative txamt", { txamt: "-100" }],
    ["a zero txamt", { txamt: "0" }],
    ["an unknown currency", { txcurrcd: "ABC" }],
    ["a pay type not enabled", { pay_type: "800201" }],
    ["a bad txdtm", { txdtm: "2026-13-40 25:00:00" }],
    ["an empty field", { goods_name: "" }],
    ["goods_name with special characters", { goods_name: "a&b" }],
    ["return_url over 200 on WAP", { pay_type: "801107", return_url: `https://x.example/${"a".repeat(190)}` }],
    ["expired_time 200", { expired_time: "200" }],
    ["an unissued mchid", { mchid: "ZaMVg12345" }],
    ["USD on AlipayHK", { txcurrcd: "USD", pay_type: "801512" }],
    ["1 HKD on 801101", { pay_type: "801101", txamt: "100" }],
  ])("answers 1104 to %s and creates nothing", async (_name, overrides) => {
    const before = await transactionCount();
    const { json } = await signedPost(sandbox.apiBase, "payment", params(overrides));
    expect(json.respcd).toBe("1104");
    expect(typeof json.resperr).toBe("string");
    expect(await transactionCount()).toBe(before);
  });

  it("answers 1103 to a body that is not a form", async () => {
    const response = await fetch(`${sandbox.apiBase}/trade/v1/payment`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect((await response.json()).respcd).toBe("1103");
  });

  it("refuses a reused out_trade_no with 1102, also when the first was a refund", async () => {
    const request = params();
    expect((await signedPost(sandbox.apiBase, "payment", request)).json.respcd).toBe("0000");
    expect((await signedPost(sandbox.apiBase, "payment", request)).json.respcd).toBe("1102");
    const { syssn } = await paidPayment();
    const refundNumber = `R-reuse-${Date.now()}`;
    expect((await refund(syssn, "100", refundNumber)).json.respcd).toBe("0000");
    expect((await signedPost(sandbox.apiBase, "payment", params({ out_trade_no: refundNumber }))).json.respcd).toBe(
      "1102",
    );
  });
});

describe("sandbox refunds", () => {
  it("refunds in parts up to the payment and refuses more with 1272, then 1125", async () => {
    const { syssn } = await paidPayment("1000");
    expect((await refund(syssn, "400")).json.respcd).toBe("0000");
    expect((await refund(syssn, "700")).json).toMatchObject({ respcd: "1272" });
    expect((await refund(syssn, "600")).json.respcd).toBe("0000");
    expect((await refund(syssn, "1")).json.respcd).toBe("1125");
  });

  it("refuses a refund number used before with 1102", async () => {
    const { syssn } = await paidPayment();
    const number = `R-twice-${Date.now()}`;
    expect((await refund(syssn, "100", number)).json.respcd).toBe("0000");
    expect((await refund(syssn, "100", number)).json.respcd).toBe("1102");
  });

  it("makes one refund when the same refund is sent twice at once", async () => {
    const { syssn } = await paidPayment("1000");
    const number = `R-race-${Date.now()}`;
    const answers = await Promise.all([refund(syssn, "1000", number), refund(syssn, "1000", number)]);
    expect(answers.map((a) => a.json.respcd).sort()).toEqual(["0000", "1102"]);
  });

  it("refuses to refund an unpaid payment (1261) or one that does not exist (1268)", async () => {
    const created = await signedPost(sandbox.apiBase, "payment", params());
    expect((await refund(created.json.syssn as string, "100")).json.respcd).toBe("1261");
    expect((await refund("20260101000000000000000000", "100")).json.respcd).toBe("1268");
  });

  it("refuses refunds between 23:30 and 00:30 gateway time with 1265", async () => {
    const { syssn } = await paidPayment();
    // Move the gateway clock to 23:45 UTC+8 today.
    const now = new Date();
    const target = new Date(now);
    target.setUTCHours(15, 45, 0, 0);
    await sandbox.control({ action: "settings", clockOffsetMs: target.getTime() - now.getTime() });
    expect((await refund(syssn, "100")).json.respcd).toBe("1265");
  });

  it("notifies a refund in QFPay's format", async () => {
    const { syssn } = await paidPayment("1000");
    await eventually(() => sandbox.received.length >= 1);
    const answer = await refund(syssn, "300");
    const note = await eventually(() => sandbox.received.find((n) => n.body.includes('"notify_type": "refund"')));
    expect(verifyNotificationSignature(note.body, note.sign, SANDBOX_CLIENT_KEY)).toBe(true);
    const parsed = parseNotification(note.body);
    expect(parsed).toMatchObject({
      ok: true,
      notification: { notify_type: "refund", txamt: 300, syssn: answer.json.syssn, orig_syssn: syssn, cancel: "5" },
    });
  });
});

describe("sandbox notifications", () => {
  it("writes bodies exactly as Python's json.dumps does", () => {
    const vectors = JSON.parse(
      readFileSync(new URL("../fixtures/qfpay-sign-vectors.json", import.meta.url), "utf8"),
    ) as { notifications: { raw_body: string }[] };
    for (const { raw_body } of vectors.notifications) {
      const fields = Object.entries(JSON.parse(raw_body) as Record<string, string>);
      expect(pythonJsonDumps(fields)).toBe(raw_body);
    }
  });

  it("sends a signed payment notification when the shopper pays", async () => {
    const { syssn, outTradeNo } = await paidPayment("2500");
    const note = await eventually(() => sandbox.received[0]);
    expect(verifyNotificationSignature(note.body, note.sign, SANDBOX_CLIENT_KEY)).toBe(true);
    expect(note.body.startsWith('{"status": "1", "pay_type": "801514", ')).toBe(true);
    expect(parseNotification(note.body)).toMatchObject({
      ok: true,
      notification: { notify_type: "payment", syssn, out_trade_no: outTradeNo, txamt: 2500, respcd: "0000" },
    });
  });

  it("retries on QFPay's schedule until the answer is SUCCESS, then stops", async () => {
    // 2 minutes at this scale is 12 ms; 10 minutes 60 ms.
    await sandbox.control({ action: "settings", timeScale: 0.0001 });
    sandbox.receiverAnswer.status = 500;
    sandbox.receiverAnswer.body = "oops";
    await paidPayment();
    await eventually(() => sandbox.received.length >= 3);
    sandbox.receiverAnswer.status = 200;
    sandbox.receiverAnswer.body = "SUCCESS";
    const delivered = await eventually(() => (sandbox.received.length >= 4 ? sandbox.received.length : 0));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sandbox.received.length).toBe(delivered);
  });

  it("does not count HTTP 200 without SUCCESS as received", async () => {
    await sandbox.control({ action: "settings", timeScale: 0.0001 });
    sandbox.receiverAnswer.body = "OK";
    await paidPayment();
    await eventually(() => sandbox.received.length >= 2);
  });

  it("gives up after the last retry", async () => {
    await sandbox.control({ action: "settings", timeScale: 0.000001 });
    sandbox.receiverAnswer.status = 503;
    const { syssn } = await paidPayment();
    await eventually(() => sandbox.received.length >= 8, { timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sandbox.received.length).toBe(8);
    const inspected = await sandbox.gateway.inspect({ syssn });
    expect(inspected?.notifications[0]?.lastResult).toContain("gave up after 8 attempts");
  });

  it("sends to the registered URL when the payment names none", async () => {
    const created = await signedPost(sandbox.apiBase, "payment", params({ notify_url: undefined }));
    await sandbox.control({ action: "pay", syssn: created.json.syssn });
    const inspected = await eventually(
      async () =>
        (await sandbox.gateway.inspect({ syssn: created.json.syssn as string }))?.notifications[0]?.lastResult,
    );
    expect(inspected).toBeTruthy();
    const row = (await sandbox.gateway.inspect({ syssn: created.json.syssn as string }))!.notifications[0]!;
    expect(row.url.endsWith("/registered")).toBe(true);
  });

  it("sends duplicates on request", async () => {
    const { syssn } = await paidPayment();
    await eventually(() => sandbox.received.length >= 1);
    const answer = await sandbox.control({ action: "notify", syssn, copies: 3 });
    expect(answer.status).toBe(200);
    expect(sandbox.received.length).toBe(4);
    expect(new Set(sandbox.received.map((n) => n.body)).size).toBe(1);
  });

  it("delays a notification when told to (a late notification)", async () => {
    await sandbox.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 400 } });
    const started = Date.now();
    await paidPayment();
    await eventually(() => sandbox.received.length >= 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });
});

describe("sandbox payment lifecycle", () => {
  it("reports an unpaid payment as 1143, and 1181 once it expired", async () => {
    const created = await signedPost(sandbox.apiBase, "payment", params());
    const syssn = created.json.syssn as string;
    const query = () => sandbox.client().query({ syssn });
    expect(await query()).toMatchObject({ kind: "accepted", value: { data: [{ respcd: "1143" }] } });
    await sandbox.control({ action: "expire", syssn });
    expect(await query()).toMatchObject({ kind: "accepted", value: { data: [{ respcd: "1181" }] } });
    expect((await sandbox.control({ action: "pay", syssn })).status).toBe(409);
  });

  it("expires by the clock too", async () => {
    const created = await signedPost(sandbox.apiBase, "payment", params({ expired_time: "5" }));
    await sandbox.control({ action: "settings", clockOffsetMs: 6 * 60_000 });
    const query = await sandbox.client().query({ syssn: created.json.syssn as string });
    expect(query).toMatchObject({ kind: "accepted", value: { data: [{ respcd: "1181" }] } });
  });

  it("reports a declined payment as failed (1205)", async () => {
    const created = await signedPost(sandbox.apiBase, "payment", params());
    await sandbox.control({ action: "decline", syssn: created.json.syssn });
    const query = await sandbox.client().query({ syssn: created.json.syssn as string });
    expect(query).toMatchObject({ kind: "accepted", value: { data: [{ respcd: "1205" }] } });
    expect(sandbox.received).toHaveLength(0);
  });

  it("settles a scripted 1143 as paid after the given number of queries, and notifies", async () => {
    await sandbox.control({
      action: "fault",
      fault: { endpoint: "payment", kind: "pending", code: "1143", afterQueries: 2 },
    });
    const request = params();
    const created = await signedPost(sandbox.apiBase, "payment", request);
    expect(created.json.respcd).toBe("1143");
    const query = () => sandbox.client().query({ out_trade_no: request.out_trade_no });
    expect(await query()).toMatchObject({ value: { data: [{ respcd: "1143" }] } });
    expect(await query()).toMatchObject({ value: { data: [{ respcd: "1143" }] } });
    expect(await query()).toMatchObject({ value: { data: [{ respcd: "0000" }] } });
    await eventually(() => sandbox.received.length >= 1);
  });

  it("keeps a scripted 1145 pending until it expires", async () => {
    await sandbox.control({
      action: "fault",
      fault: { endpoint: "payment", kind: "pending", code: "1145", settle: "never", afterQueries: 0 },
    });
    const request = params({ expired_time: "5" });
    await signedPost(sandbox.apiBase, "payment", request);
    for (let i = 0; i < 3; i++) {
      expect(await sandbox.client().query({ out_trade_no: request.out_trade_no })).toMatchObject({
        value: { data: [{ respcd: "1145" }] },
      });
    }
    await sandbox.control({ action: "settings", clockOffsetMs: 5 * 60_000 + 1_000 });
    expect(await sandbox.client().query({ out_trade_no: request.out_trade_no })).toMatchObject({
      value: { data: [{ respcd: "1181" }] },
    });
  });

  it("finds last month's payment only when the query names its month", async () => {
    const request = params();
    const created = await signedPost(sandbox.apiBase, "payment", request);
    const sysdtm = created.json.sysdtm as string;
    await sandbox.control({ action: "settings", clockOffsetMs: 40 * 86_400_000 });
    expect(await sandbox.client().query({ out_trade_no: request.out_trade_no })).toMatchObject({
      kind: "accepted",
      value: { data: [] },
    });
    const month = sysdtm.slice(0, 7);
    const ranged = await sandbox
      .client()
      .query({ out_trade_no: request.out_trade_no, start_time: `${month}-01 00:00:00`, end_time: sysdtm });
    expect(ranged).toMatchObject({ kind: "accepted", value: { data: [{ out_trade_no: request.out_trade_no }] } });
  });

  it("scripts maintenance on the query endpoint", async () => {
    await sandbox.control({ action: "fault", fault: { endpoint: "query", kind: "respcd", code: "1100" }, count: 2 });
    expect(await sandbox.client().query({ out_trade_no: "x" })).toMatchObject({ kind: "failed", code: "1100" });
    expect(await sandbox.client().query({ out_trade_no: "x" })).toMatchObject({ kind: "failed", code: "1100" });
    expect(await sandbox.client().query({ out_trade_no: "x" })).toMatchObject({ kind: "accepted" });
  });

  it("refuses a control command it does not understand", async () => {
    expect((await sandbox.control({ action: "explode" })).status).toBe(400);
    expect(
      (await sandbox.control({ action: "fault", fault: { endpoint: "payment", kind: "respcd", code: "0000" } })).status,
    ).toBe(400);
  });
});
