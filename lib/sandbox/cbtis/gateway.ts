import { z } from "zod";
import type { Db } from "../../db/connection";
import { DeliveryPump } from "../delivery-pump";
import { issueToken, tokenValid } from "./access-tokens";
import { createIntent, queryIntent, refusal, type Answer } from "./api";
import { addFault, cbtisFaultSchema, clearFaults, takeFault } from "./faults";
import { expireOverdue, findIntent, settleIntent, type Intent } from "./intents";
import { CBTIS_SANDBOX_API_PREFIX, CBTIS_SANDBOX_CONTROL_PATH } from "./routes";
import {
  abandonPendingWebhooks,
  enqueueWebhook,
  retryNow,
  sendWebhook,
  webhookBody,
  webhooksFor,
  deliverDueWebhooks,
} from "./webhooks";

export interface CbtisSandboxOptions {
  db: Db;
  /** Origin the cashier's next_action.url points at. */
  publicBaseUrl: string;
  fetch?: typeof fetch;
  /** Runs delivery work after the answer (Next's `after()`); at once by default. */
  defer?: (task: () => Promise<unknown>) => void;
  retryTimer?: boolean;
}

const visible = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/);
const ref = { orderId: visible.optional(), merchantOrderId: visible.optional() };

/** What the control endpoint accepts (sandbox mode only): scripted faults, the cashier's buttons, webhooks. */
export const cbtisControlSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("fault"),
    fault: cbtisFaultSchema,
    count: z.number().int().min(1).max(100_000).default(1),
    merchantOrderId: visible.optional(),
  }),
  z.object({ action: z.enum(["pay", "cancel"]), ...ref }),
  /** Sends a webhook now, as many copies as asked, whatever the intent's status (a test forges them so). */
  z.object({ action: z.literal("notify"), ...ref, copies: z.number().int().min(1).max(50).default(1) }),
  /** Makes every webhook awaiting a retry due now. */
  z.object({ action: z.literal("retry") }),
  z.object({ action: z.literal("reset") }),
]);
export type CbtisControlCommand = z.output<typeof cbtisControlSchema>;

const json = (answer: Answer) =>
  new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type CbtisSandbox = ReturnType<typeof createCbtisSandbox>;

/** The CBTIS stand-in: login, create and query, its control endpoint, its cashier and its webhooks. */
export function createCbtisSandbox(options: CbtisSandboxOptions) {
  const { db } = options;
  const doFetch = options.fetch ?? fetch;
  const now = () => new Date();
  const pump = new DeliveryPump(() => deliverDueWebhooks(db, doFetch, now), now, options.retryTimer ?? true);
  const defer = options.defer ?? ((task) => void task());

  async function queueWebhook(intent: Intent): Promise<void> {
    if (!intent.notifyUrl) return;
    const delay = await takeFault(db, "webhook", intent.merchantOrderId);
    await enqueueWebhook(
      db,
      intent,
      intent.notifyUrl,
      new Date(now().getTime() + (delay?.kind === "delay" ? delay.delayMs : 0)),
    );
    defer(() => pump.kick());
  }
  const api = { db, publicBaseUrl: options.publicBaseUrl, onPaid: queueWebhook };

  /** `POST /sandbox/cbtis/mch-api/v1/<path>`. */
  async function handleApi(path: string, request: Request): Promise<Response> {
    if (request.method !== "POST") return json(refusal(405, 405, "POST only"));
    if (path === "authentication/login") {
      const issued = issueToken(request.headers, now());
      return json(issued ? { status: 200, body: issued } : refusal(401, 401, "unknown client id or API key"));
    }
    const endpoint =
      path === "pa/payment_intents/create" ? "create" : path === "pa/payment_intents/query" ? "query" : null;
    if (!endpoint) return json(refusal(404, 404, "no such endpoint"));
    if (!tokenValid(request.headers.get("authorization"), now()))
      return json(refusal(401, 401, "access token missing, invalid or expired"));
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return json(refusal(400, 400, "the body must be JSON"));
    }
    const merchantOrderId = (body as { merchant_order_id?: unknown } | null)?.merchant_order_id;
    const fault = await takeFault(db, endpoint, typeof merchantOrderId === "string" ? merchantOrderId : undefined);
    const work = () => (endpoint === "create" ? createIntent(api, body, now(), fault) : queryIntent(api, body, now()));
    if (fault?.kind === "code") return json(refusal(200, fault.code, "scripted by the sandbox control endpoint"));
    if (fault && (fault.kind === "timeout" || fault.kind === "http500" || fault.kind === "unreadable")) {
      const answer = fault.create ? await work() : refusal(500, 500, "system error");
      if (fault.kind === "timeout") {
        await sleep(fault.delayMs);
        return json(answer);
      }
      if (fault.kind === "http500")
        return new Response("<html><body><h1>500 Internal Server Error</h1></body></html>", {
          status: 500,
          headers: { "Content-Type": "text/html" },
        });
      const text = JSON.stringify(answer.body);
      return new Response(text.slice(0, Math.floor(text.length / 2)), {
        status: 200,
        headers: { "Content-Type": "application/json" },
      });
    }
    return json(await work());
  }

  async function control(command: CbtisControlCommand): Promise<Answer> {
    switch (command.action) {
      case "fault":
        await addFault(db, command.fault, command.count, command.merchantOrderId);
        return { status: 200, body: { ok: true } };
      case "pay":
      case "cancel": {
        const intent = await findIntent(db, command);
        if (!intent) return { status: 404, body: { error: "no such intent" } };
        const moved = await settleIntent(
          db,
          intent.orderId,
          command.action === "pay" ? "SUCCEEDED" : "CANCELLED",
          now(),
        );
        if (!moved) return { status: 409, body: { error: "the intent is not pending" } };
        if (moved.status === "SUCCEEDED") await queueWebhook(moved);
        return { status: 200, body: { ok: true } };
      }
      case "notify": {
        const intent = await findIntent(db, command);
        if (!intent?.notifyUrl) return { status: 404, body: { error: "no such intent, or it names no notify_url" } };
        const body = webhookBody(intent);
        const results = await Promise.all(
          Array.from({ length: command.copies }, () => sendWebhook(doFetch, intent.notifyUrl!, body)),
        );
        return { status: 200, body: { results } };
      }
      case "retry":
        await retryNow(db, now());
        await pump.kick();
        return { status: 200, body: { ok: true } };
      case "reset":
        await clearFaults(db);
        await abandonPendingWebhooks(db);
        return { status: 200, body: { ok: true } };
    }
  }

  async function inspect(ref: { orderId?: string; merchantOrderId?: string }) {
    await expireOverdue(db, now());
    const intent = await findIntent(db, ref);
    return intent ? { intent, webhooks: await webhooksFor(db, intent.orderId) } : null;
  }

  async function handleControl(request: Request): Promise<Response> {
    if (request.method === "GET") {
      const url = new URL(request.url);
      const parsed = z.object(ref).safeParse({
        orderId: url.searchParams.get("order_id") ?? undefined,
        merchantOrderId: url.searchParams.get("merchant_order_id") ?? undefined,
      });
      if (!parsed.success) return Response.json({ error: "ids are visible ASCII characters" }, { status: 400 });
      const found = await inspect(parsed.data);
      return found ? Response.json(found) : Response.json({ error: "no such intent" }, { status: 404 });
    }
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return Response.json({ error: "the body must be JSON" }, { status: 400 });
    }
    const parsed = cbtisControlSchema.safeParse(body);
    if (!parsed.success)
      return Response.json(
        { error: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") },
        { status: 400 },
      );
    const { status, body: answer } = await control(parsed.data);
    return Response.json(answer, { status });
  }

  /** The answer to a request at one of the stand-in's paths, or null for any other path. */
  function route(request: Request): Promise<Response> | null {
    const path = new URL(request.url).pathname;
    if (path === CBTIS_SANDBOX_CONTROL_PATH) return handleControl(request);
    if (!path.startsWith(CBTIS_SANDBOX_API_PREFIX)) return null;
    return handleApi(path.slice(CBTIS_SANDBOX_API_PREFIX.length), request);
  }

  async function cashierView(orderId: string) {
    await expireOverdue(db, now());
    return findIntent(db, { orderId });
  }

  return {
    route,
    handleApi,
    handleControl,
    control,
    inspect,
    cashierView,
    deliverWebhooks: () => pump.kick(),
    stop: () => pump.stop(),
  };
}
