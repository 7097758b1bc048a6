import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loginAccessTokens } from "@/lib/cbtis/access-token";
import { createCbtisClient, type CbtisClient } from "@/lib/cbtis/client";
import type { CreateIntentRequest } from "@/lib/cbtis/intent-request";
import type { DatabaseHandle } from "@/lib/db/connection";
import { newOutTradeNo } from "@/lib/payments/ids";
import { SANDBOX_CBTIS_API_KEY, SANDBOX_CBTIS_CLIENT_ID } from "@/lib/sandbox/cbtis/credentials";
import { createCbtisSandbox, type CbtisSandbox } from "@/lib/sandbox/cbtis/gateway";
import { serve, type RunningServer } from "../support/http-server";
import { eventually } from "../support/sandbox-harness";
import { createTestDatabase } from "../support/test-database";

/*
 * The CBTIS client against its stand-in over real HTTP: each outcome of create and query, and each
 * scripted fault, as the shop's gateway will see them. A receiver records the stand-in's webhooks.
 */
let database: DatabaseHandle;
let sandbox: CbtisSandbox;
let server: RunningServer;
let receiver: RunningServer;
const received: string[] = [];
const receiverAnswer = { status: 200 };

function client(overrides: { clientId?: string; apiKey?: string; timeoutMs?: number } = {}): CbtisClient {
  const baseUrl = `${server.url}/sandbox/cbtis`;
  const timeoutMs = overrides.timeoutMs ?? 2_000;
  const tokens = loginAccessTokens({
    baseUrl,
    clientId: overrides.clientId ?? SANDBOX_CBTIS_CLIENT_ID,
    apiKey: overrides.apiKey ?? SANDBOX_CBTIS_API_KEY,
    timeoutMs,
  });
  return createCbtisClient({ baseUrl, tokens, timeoutMs });
}

function intent(overrides: Partial<CreateIntentRequest> = {}): CreateIntentRequest {
  return {
    amount: "19.99",
    currency: "HKD",
    merchant_order_id: newOutTradeNo("payment"),
    description: "Jasmine tea",
    notify_url: `${receiver.url}/api/cbtis/notify`,
    payment_method: { type: "alipayhk", alipayhk: { flow: "web_qrcode", payment_method: "ALIPAYHK" } },
    ...overrides,
  };
}

async function control(command: unknown) {
  const response = await fetch(`${server.url}/sandbox/cbtis/control`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(command),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

beforeAll(async () => {
  database = await createTestDatabase();
  receiver = await serve(async (request) => {
    received.push(await request.text());
    return new Response("ok", { status: receiverAnswer.status });
  });
  const holder: { sandbox?: CbtisSandbox } = {};
  server = await serve(async (request) => holder.sandbox!.route(request) ?? new Response("no", { status: 404 }));
  sandbox = createCbtisSandbox({ db: database.db, publicBaseUrl: server.url });
  holder.sandbox = sandbox;
});
afterAll(async () => {
  sandbox.stop();
  await server.close();
  await receiver.close();
  await database.close();
});
beforeEach(async () => {
  await control({ action: "reset" });
  received.length = 0;
  receiverAnswer.status = 200;
});

describe("create", () => {
  it("answers a PENDING intent whose next_action.url opens the stand-in's cashier", async () => {
    const request = intent();
    const outcome = await client().createIntent(request);
    expect(outcome.kind).toBe("accepted");
    if (outcome.kind !== "accepted") return;
    expect(outcome.value).toMatchObject({
      merchant_order_id: request.merchant_order_id,
      status: "PENDING",
      amount: "19.99",
    });
    expect(outcome.value.order_id).toMatch(/^C\d{21}$/);
    expect(outcome.value.next_action.url).toBe(`${server.url}/sandbox/cbtis/cashier/${outcome.value.order_id}`);
  });

  it("refuses what breaks seed 003's table before sending anything", async () => {
    const id = newOutTradeNo("payment");
    for (const bad of [
      intent({ merchant_order_id: id, currency: "TWD" }),
      intent({ merchant_order_id: id, amount: "1999" + ".999" }),
      intent({ merchant_order_id: "X".repeat(33) }),
      intent({ merchant_order_id: id, description: " " }),
    ]) {
      expect((await client().createIntent(bad)).kind).toBe("invalid");
    }
    expect(await sandbox.inspect({ merchantOrderId: id })).toBeNull();
  });

  it("a merchant_order_id used twice is refused, and the first intent stands", async () => {
    const request = intent();
    expect((await client().createIntent(request)).kind).toBe("accepted");
    const second = await client().createIntent(request);
    expect(second).toMatchObject({ kind: "failed", code: "409" });
  });

  it("a scripted refusal code is a failed outcome and creates nothing", async () => {
    const request = intent();
    await control({ action: "fault", fault: { endpoint: "create", kind: "code", code: 5001 } });
    expect(await client().createIntent(request)).toMatchObject({ kind: "failed", code: "5001" });
    expect(await sandbox.inspect({ merchantOrderId: request.merchant_order_id })).toBeNull();
  });

  it.each(["timeout", "http500", "unreadable"] as const)(
    "a %s is a transport outcome, and the intent it created is found by query, not by sending again",
    async (kind) => {
      const request = intent();
      await control({ action: "fault", fault: { endpoint: "create", kind, delayMs: 3_000 } });
      const outcome = await client().createIntent(request);
      expect(outcome).toMatchObject({
        kind: "transport",
        reason: kind === "timeout" ? "timeout" : kind === "http500" ? "http" : "unreadable",
      });
      const queried = await client().queryIntent({ merchant_order_id: request.merchant_order_id });
      expect(queried).toMatchObject({ kind: "accepted", value: { status: "PENDING" } });
    },
  );

  it("without a token nothing is sent: wrong credentials are unauthenticated", async () => {
    const request = intent();
    const outcome = await client({ apiKey: "wrong-key" }).createIntent(request);
    expect(outcome.kind).toBe("unauthenticated");
    expect(await sandbox.inspect({ merchantOrderId: request.merchant_order_id })).toBeNull();
  });
});

describe("query", () => {
  it("tells PENDING, SUCCEEDED (with pay_time) and CANCELLED apart, by either id", async () => {
    const api = client();
    const [pending, paid, cancelled] = [intent(), intent(), intent()];
    const ids: string[] = [];
    for (const request of [pending, paid, cancelled]) {
      const created = await api.createIntent(request);
      if (created.kind !== "accepted") throw new Error("create failed");
      ids.push(created.value.order_id);
    }
    expect((await control({ action: "pay", orderId: ids[1] })).status).toBe(200);
    expect((await control({ action: "cancel", orderId: ids[2] })).status).toBe(200);
    expect(await api.queryIntent({ merchant_order_id: pending.merchant_order_id })).toMatchObject({
      kind: "accepted",
      value: { status: "PENDING", order_id: ids[0] },
    });
    const paidAnswer = await api.queryIntent({ order_id: ids[1]! });
    expect(paidAnswer).toMatchObject({
      kind: "accepted",
      value: { status: "SUCCEEDED", amount: "19.99", currency: "HKD" },
    });
    expect(paidAnswer.kind === "accepted" && paidAnswer.value.pay_time).toBeTruthy();
    expect(await api.queryIntent({ merchant_order_id: cancelled.merchant_order_id })).toMatchObject({
      kind: "accepted",
      value: { status: "CANCELLED" },
    });
    // A paid intent cannot be cancelled, nor a cancelled one paid.
    expect((await control({ action: "cancel", orderId: ids[1] })).status).toBe(409);
    expect((await control({ action: "pay", orderId: ids[2] })).status).toBe(409);
  });

  it("an intent CBTIS never heard of is refused with the not-found code", async () => {
    expect(await client().queryIntent({ merchant_order_id: newOutTradeNo("payment") })).toMatchObject({
      kind: "failed",
      code: "404",
    });
  });

  it("a scripted pending intent stays PENDING for its queries, then is paid, or cancelled", async () => {
    const api = client();
    for (const settle of ["paid", "cancelled"] as const) {
      const request = intent();
      await control({ action: "fault", fault: { endpoint: "create", kind: "pending", afterQueries: 2, settle } });
      expect((await api.createIntent(request)).kind).toBe("accepted");
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const answer = await api.queryIntent({ merchant_order_id: request.merchant_order_id });
        statuses.push(answer.kind === "accepted" ? answer.value.status : answer.kind);
      }
      expect(statuses).toEqual(["PENDING", "PENDING", settle === "paid" ? "SUCCEEDED" : "CANCELLED"]);
    }
  });

  it.each(["timeout", "http500", "unreadable"] as const)("a %s on query is a transport outcome", async (kind) => {
    const request = intent();
    expect((await client().createIntent(request)).kind).toBe("accepted");
    await control({ action: "fault", fault: { endpoint: "query", kind, delayMs: 3_000 } });
    expect((await client().queryIntent({ merchant_order_id: request.merchant_order_id })).kind).toBe("transport");
  });
});

describe("webhooks", () => {
  it("a paid intent's webhook is seed 003's body, retried until it is taken", async () => {
    const request = intent();
    const created = await client().createIntent(request);
    if (created.kind !== "accepted") throw new Error("create failed");
    receiverAnswer.status = 503;
    await control({ action: "pay", orderId: created.value.order_id });
    await eventually(() => received.length === 1);
    await eventually(async () => (await sandbox.inspect({ orderId: created.value.order_id }))?.webhooks[0]?.lastResult);
    receiverAnswer.status = 200;
    await control({ action: "retry" });
    await eventually(() => received.length === 2);
    expect(JSON.parse(received[1]!)).toEqual({
      notify_type: "payment_success",
      data: { order_id: created.value.order_id, merchant_order_id: request.merchant_order_id },
    });
    const found = await eventually(async () => {
      const view = await sandbox.inspect({ orderId: created.value.order_id });
      return view?.webhooks[0]?.deliveredAt ? view : null;
    });
    expect(found.webhooks[0]).toMatchObject({ attempts: 2, lastResult: "HTTP 200" });
  });
});
