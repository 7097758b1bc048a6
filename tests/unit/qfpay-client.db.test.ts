import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { sandboxTransactions } from "@/lib/db/schema/sandbox";
import { formatGatewayTime } from "@/lib/qfpay/gateway-time";
import type { PaymentRequest } from "@/lib/qfpay/payment-request";
import { startSandbox, type SandboxHarness } from "../support/sandbox-harness";

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
});

function payment(overrides: Partial<PaymentRequest> = {}): PaymentRequest {
  sequence += 1;
  return {
    txamt: 1999,
    txcurrcd: "HKD",
    pay_type: "801514",
    out_trade_no: `T-${Date.now()}-${sequence}`,
    txdtm: formatGatewayTime(new Date()),
    expired_time: 30,
    notify_url: sandbox.receiverUrl,
    ...overrides,
  };
}

async function transactionCount(): Promise<number> {
  const [row] = await sandbox.database.db.select({ n: count() }).from(sandboxTransactions);
  return row!.n;
}

describe("QFPay client against the sandbox over HTTP", () => {
  it.each(["801514", "801512", "801101", "801107"])("accepts a %s payment with a pay_url", async (payType) => {
    const outcome = await sandbox.client().createPayment(payment({ pay_type: payType }));
    expect(outcome.kind).toBe("accepted");
    if (outcome.kind !== "accepted") return;
    expect(outcome.value.pay_url).toBe(`${sandbox.baseUrl}/sandbox/cashier/${outcome.value.syssn}`);
    expect(outcome.value.syssn).toMatch(/^\d{26}$/);
  });

  it("signs with SHA-256 when asked and the sandbox checks it", async () => {
    const outcome = await sandbox.client({ signType: "SHA256" }).createPayment(payment());
    expect(outcome.kind).toBe("accepted");
  });

  it("reports 1145 as pending, never as failed", async () => {
    await sandbox.control({
      action: "fault",
      fault: { endpoint: "payment", kind: "pending", code: "1145", settle: "never" },
    });
    const outcome = await sandbox.client().createPayment(payment());
    expect(outcome).toEqual({ kind: "pending", code: "1145", message: "Please wait while processing" });
  });

  it("reports 1143 as pending", async () => {
    await sandbox.control({ action: "fault", fault: { endpoint: "payment", kind: "pending", code: "1143" } });
    const outcome = await sandbox.client().createPayment(payment());
    expect(outcome.kind).toBe("pending");
  });

  it("reports maintenance (1100) as failed with a plain-words message", async () => {
    await sandbox.control({ action: "fault", fault: { endpoint: "payment", kind: "respcd", code: "1100" } });
    const outcome = await sandbox.client().createPayment(payment());
    expect(outcome).toMatchObject({ kind: "failed", code: "1100", message: "System under maintenance" });
  });

  it("reports a gateway slower than its timeout as a timeout", async () => {
    await sandbox.control({ action: "fault", fault: { endpoint: "payment", kind: "timeout", delayMs: 1_500 } });
    const started = Date.now();
    const outcome = await sandbox.client({ timeoutMs: 300 }).createPayment(payment());
    expect(outcome).toMatchObject({ kind: "transport", reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(1_400);
  });

  it("reports a 500 with an HTML body as an HTTP transport error", async () => {
    await sandbox.control({ action: "fault", fault: { endpoint: "payment", kind: "http500" } });
    const outcome = await sandbox.client().createPayment(payment());
    expect(outcome).toMatchObject({ kind: "transport", reason: "http", status: 500 });
  });

  it("reports truncated JSON as unreadable", async () => {
    await sandbox.control({ action: "fault", fault: { endpoint: "payment", kind: "truncated" } });
    const outcome = await sandbox.client().createPayment(payment());
    expect(outcome).toMatchObject({ kind: "transport", reason: "unreadable" });
  });

  it("reports a dropped connection as a network error, though the payment was created", async () => {
    await sandbox.control({ action: "fault", fault: { endpoint: "payment", kind: "drop" } });
    const request = payment();
    const outcome = await sandbox.client().createPayment(request);
    expect(outcome).toMatchObject({ kind: "transport", reason: "network" });
    const query = await sandbox.client().query({ out_trade_no: request.out_trade_no });
    expect(query.kind === "accepted" && query.value.data.map((d) => d.out_trade_no)).toEqual([request.out_trade_no]);
  });

  it("reports a refused field as failed with QFPay's code", async () => {
    const request = payment();
    await sandbox.client().createPayment(request);
    const again = await sandbox.client().createPayment(request);
    expect(again).toMatchObject({ kind: "failed", code: "1102" });
  });

  it("reports a wrong key as a signature error", async () => {
    const outcome = await sandbox.client({ clientKey: "NOTTHESANDBOXKEY0000000000000000" }).createPayment(payment());
    expect(outcome).toMatchObject({ kind: "failed", code: "1108", message: "Signature error" });
  });

  it("reports a closed port as a network error", async () => {
    const outcome = await sandbox.client({ baseUrl: "http://127.0.0.1:9" }).createPayment(payment());
    expect(outcome).toMatchObject({ kind: "transport", reason: "network" });
  });

  it.each<[string, Partial<PaymentRequest>]>([
    ["a fractional amount", { txamt: 19.99 }],
    ["a zero amount", { txamt: 0 }],
    ["an unknown currency", { txcurrcd: "XYZ" }],
    ["an unknown pay type", { pay_type: "999999" }],
    ["an out_trade_no over 128", { out_trade_no: "x".repeat(129) }],
    ["a goods_name over 20", { goods_name: "a".repeat(21) }],
    ["a goods_name with special characters", { goods_name: "Tea <b>box</b>" }],
    ["a return_url over 200 on WAP", { pay_type: "801512", return_url: `https://shop.example/${"r".repeat(200)}` }],
    ["expired_time under 5", { expired_time: 4 }],
    ["expired_time over 120", { expired_time: 121 }],
    ["expired_time on 800107", { pay_type: "800107", openid: "2088", expired_time: 30 }],
    ["800107 without openid", { pay_type: "800107", expired_time: undefined }],
    ["USD on AlipayHK", { txcurrcd: "USD" }],
    ["1 HKD on 801101", { pay_type: "801101", txamt: 100 }],
  ])("refuses %s before sending anything", async (_name, overrides) => {
    const before = await transactionCount();
    const outcome = await sandbox.client().createPayment(payment(overrides));
    expect(outcome.kind).toBe("invalid");
    expect(outcome.kind === "invalid" && outcome.message.length).toBeGreaterThan(10);
    expect(await transactionCount()).toBe(before);
  });

  it("queries a payment and refunds it", async () => {
    const request = payment();
    const created = await sandbox.client().createPayment(request);
    if (created.kind !== "accepted") throw new Error("not accepted");
    expect((await sandbox.control({ action: "pay", syssn: created.value.syssn })).status).toBe(200);
    const query = await sandbox.client().query({ syssn: created.value.syssn });
    expect(query).toMatchObject({
      kind: "accepted",
      value: { data: [{ respcd: "0000", txamt: 1999, order_type: "payment" }] },
    });
    const refund = await sandbox.client().refund({
      syssn: created.value.syssn,
      out_trade_no: `${request.out_trade_no}-R1`,
      txamt: 500,
      txdtm: formatGatewayTime(new Date()),
    });
    expect(refund).toMatchObject({ kind: "accepted", value: { orig_syssn: created.value.syssn, txamt: 500 } });
  });

  it("refuses a query across two calendar months", async () => {
    const outcome = await sandbox
      .client()
      .query({ start_time: "2026-10-31 00:00:00", end_time: "2026-11-01 00:00:00" });
    expect(outcome.kind).toBe("invalid");
  });
});
