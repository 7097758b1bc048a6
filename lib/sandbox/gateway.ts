import type { Db } from "../db/connection";
import { DeliveryPump } from "./delivery-pump";
import { addFault, clearFaults, takeFault, type Fault } from "./faults";
import { controlSchema, inspectSchema, type ControlCommand } from "./control";
import { handlePayment } from "./payment-endpoint";
import { handleQuery } from "./query-endpoint";
import { handleRefund } from "./refund-endpoint";
import {
  abandonPendingNotifications,
  deliverDueNotifications,
  notificationBody,
  notificationsFor,
  sendNotification,
} from "./notifications";
import { readSettings, resetSettings, writeSettings } from "./settings";
import { readSignedForm } from "./signed-form";
import {
  closeTransaction,
  DECLINED_CODE,
  EXPIRED_CODE,
  expireOverdue,
  findTransaction,
  payTransaction,
  type Transaction,
} from "./transactions";
import { cashierViewOf } from "./cashier-view";
import { refusalAnswer, RESPONSE } from "./response-codes";
import { PAID_STATE } from "./transaction-states";
import { sandboxTransactions } from "../db/schema/sandbox";
import { eq } from "drizzle-orm";

export interface SandboxGatewayOptions {
  db: Db;
  /** Origin the cashier's `pay_url` points at. */
  publicBaseUrl: string;
  /** Where notifications go when a payment names no `notify_url` (QFPay's per-app registration). */
  registeredNotifyUrl: string;
  fetch?: typeof fetch;
  /** Runs delivery work after the answer (Next's `after()`); at once by default. */
  defer?: (task: () => Promise<unknown>) => void;
  /** Arm a timer for the next retry (a long-lived server); off where instances freeze between requests. */
  retryTimer?: boolean;
}

const ENDPOINTS = new Set(["payment", "query", "refund"]);

function gatewayJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export type SandboxGateway = ReturnType<typeof createSandboxGateway>;

/** The sandbox QFPay: its three API endpoints, its control endpoint and its cashier. */
export function createSandboxGateway(options: SandboxGatewayOptions) {
  const { db } = options;
  const doFetch = options.fetch ?? fetch;
  const offset = { ms: 0 };
  const now = () => new Date(Date.now() + offset.ms);
  const pump = new DeliveryPump(() => deliverDueNotifications(db, doFetch, now), now, options.retryTimer ?? true);
  const defer = options.defer ?? ((task) => void task());
  // Whatever queues a notification (a payment, a refund, a scripted 1145 settling on a query) starts
  // its delivery; a call that queues none costs the pump nothing.
  const payCtx = { db, registeredNotifyUrl: options.registeredNotifyUrl, onQueued: () => defer(() => pump.kick()) };

  async function syncClock(): Promise<void> {
    offset.ms = (await readSettings(db)).clockOffsetMs;
  }

  async function dispatch(endpoint: string, params: Record<string, string>, fault: Fault | null) {
    if (endpoint === "payment")
      return handlePayment({ db, publicBaseUrl: options.publicBaseUrl }, params, now(), fault);
    if (endpoint === "query") return handleQuery(payCtx, params, now());
    return handleRefund(payCtx, params, now());
  }

  async function handleApi(endpoint: string, request: Request): Promise<Response> {
    if (!ENDPOINTS.has(endpoint))
      return gatewayJson(refusalAnswer({ respcd: RESPONSE.parameterError, resperr: "no such endpoint" }), 404);
    await syncClock();
    const form = await readSignedForm(request);
    if (!form.ok) return gatewayJson(refusalAnswer(form));
    const fault = await takeFault(db, endpoint as Fault["endpoint"], form.fields.out_trade_no);
    if (fault?.kind === "respcd")
      return gatewayJson(refusalAnswer({ respcd: fault.code, resperr: "scripted by the sandbox control endpoint" }));

    if (
      fault &&
      (fault.kind === "timeout" || fault.kind === "http500" || fault.kind === "truncated" || fault.kind === "drop")
    ) {
      const answer = fault.create
        ? await dispatch(endpoint, form.fields, fault)
        : refusalAnswer({ respcd: RESPONSE.systemError, resperr: "system error" });
      const text = JSON.stringify(answer);
      switch (fault.kind) {
        case "timeout":
          await sleep(fault.delayMs);
          return gatewayJson(answer);
        case "http500":
          return new Response(
            "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>",
            {
              status: 500,
              headers: { "Content-Type": "text/html" },
            },
          );
        case "truncated":
          return new Response(text.slice(0, Math.floor(text.length / 2)), {
            status: 200,
            headers: { "Content-Type": "application/json" },
          });
        case "drop":
          return new Response(
            new ReadableStream({
              start(controller) {
                controller.enqueue(new TextEncoder().encode(text.slice(0, 8)));
                controller.error(new Error("connection dropped by the sandbox"));
              },
            }),
            { status: 200, headers: { "Content-Type": "application/json" } },
          );
      }
    }

    const answer = await dispatch(endpoint, form.fields, fault);
    return gatewayJson(answer);
  }

  async function resolve(ref: { syssn?: string; outTradeNo?: string }): Promise<Transaction | null> {
    return findTransaction(db, ref);
  }

  async function inspect(ref: { syssn?: string; outTradeNo?: string }) {
    await syncClock();
    await expireOverdue(db, now());
    const tx = await resolve(ref);
    if (!tx) return null;
    const refunds = await db.select().from(sandboxTransactions).where(eq(sandboxTransactions.origSyssn, tx.syssn));
    const notifications = await notificationsFor(db, [tx.syssn, ...refunds.map((r) => r.syssn)]);
    return { transaction: tx, refunds, notifications };
  }

  async function control(command: ControlCommand): Promise<{ status: number; body: unknown }> {
    await syncClock();
    switch (command.action) {
      case "fault":
        await addFault(db, command.fault, command.count, command.outTradeNo);
        return { status: 200, body: { ok: true } };
      case "pay":
      case "decline":
      case "expire": {
        const tx = await resolve(command);
        if (!tx) return { status: 404, body: { error: "no such transaction" } };
        const done =
          command.action === "pay"
            ? (await payTransaction(payCtx, tx.syssn, now())) !== null
            : await closeTransaction(db, tx.syssn, command.action === "decline" ? DECLINED_CODE : EXPIRED_CODE);
        return done
          ? { status: 200, body: { ok: true } }
          : { status: 409, body: { error: "the transaction is not open" } };
      }
      case "notify": {
        const tx = await resolve(command);
        if (!tx) return { status: 404, body: { error: "no such transaction" } };
        if (tx.respcd !== PAID_STATE)
          return { status: 409, body: { error: "QFPay notifies only successful transactions" } };
        const url = tx.notifyUrl ?? options.registeredNotifyUrl;
        const body = notificationBody(tx);
        const results = await Promise.all(
          Array.from({ length: command.copies }, () => sendNotification(doFetch, url, body)),
        );
        return { status: 200, body: { results } };
      }
      case "settings":
        return {
          status: 200,
          body: await writeSettings(db, { timeScale: command.timeScale, clockOffsetMs: command.clockOffsetMs }),
        };
      case "deliver":
        await pump.kick();
        return { status: 200, body: { ok: true } };
      case "reset":
        await clearFaults(db);
        await resetSettings(db);
        await abandonPendingNotifications(db);
        return { status: 200, body: { ok: true } };
    }
  }

  async function handleControl(request: Request): Promise<Response> {
    if (request.method === "GET") {
      const url = new URL(request.url);
      const ref = inspectSchema.safeParse({
        syssn: url.searchParams.get("syssn") ?? undefined,
        outTradeNo: url.searchParams.get("out_trade_no") ?? undefined,
      });
      if (!ref.success)
        return Response.json({ error: "syssn and out_trade_no are visible ASCII characters" }, { status: 400 });
      const found = await inspect(ref.data);
      return found ? Response.json(found) : Response.json({ error: "no such transaction" }, { status: 404 });
    }
    let json: unknown;
    try {
      json = await request.json();
    } catch {
      return Response.json({ error: "the body must be JSON" }, { status: 400 });
    }
    const parsed = controlSchema.safeParse(json);
    if (!parsed.success) {
      return Response.json(
        { error: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") },
        { status: 400 },
      );
    }
    const { status, body } = await control(parsed.data);
    return Response.json(body, { status });
  }

  async function cashierView(syssn: string) {
    await syncClock();
    await expireOverdue(db, now());
    const [tx] = await db.select().from(sandboxTransactions).where(eq(sandboxTransactions.syssn, syssn));
    return tx ? cashierViewOf(tx) : null;
  }

  /** The cashier's three buttons. Each answers whether it changed anything. */
  async function cashierAct(syssn: string, action: "pay" | "decline" | "expire"): Promise<boolean> {
    const { status } = await control({ action, syssn });
    return status === 200;
  }

  return {
    handleApi,
    handleControl,
    control,
    inspect,
    cashierView,
    cashierAct,
    deliverNotifications: () => pump.kick(),
    deliveriesSettled: () => pump.settled(),
    stop: () => pump.stop(),
  };
}
