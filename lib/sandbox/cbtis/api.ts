import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { cbtisSandboxIntents } from "../../db/schema/cbtis-sandbox";
import { createRequestProblem, queryRequestSchema, createRequestSchema } from "./request-rules";
import { INTENT_LIFETIME_MS } from "./credentials";
import type { CbtisFault } from "./faults";
import { cbtisTime, findIntent, intentAnswer, newOrderId, settleIntent, type Intent } from "./intents";

export type Answer = { status: number; body: unknown };

const ok = (data: unknown): Answer => ({ status: 200, body: { code: 0, data, message: "ok", rid: rid() } });
export const refusal = (status: number, code: number, message: string): Answer => ({
  status,
  body: { code, message, rid: rid() },
});
const rid = () => crypto.randomUUID().replaceAll("-", "");

export interface ApiContext {
  db: Db;
  publicBaseUrl: string;
  /** Called with an intent just paid, to queue its webhook. */
  onPaid: (intent: Intent) => Promise<void>;
}

/** `payment_intents/create`: a new PENDING intent and the cashier link for its QR code or redirect. */
export async function createIntent(
  ctx: ApiContext,
  json: unknown,
  now: Date,
  fault: CbtisFault | null,
): Promise<Answer> {
  const problem = createRequestProblem(json);
  if (problem) return refusal(400, 400, problem);
  const request = createRequestSchema.parse(json);
  const orderId = newOrderId();
  const pending = fault?.kind === "pending" ? fault : null;
  const [created] = await ctx.db
    .insert(cbtisSandboxIntents)
    .values({
      orderId,
      merchantOrderId: request.merchant_order_id,
      amount: request.amount,
      currency: request.currency,
      wallet: request.payment_method.alipayhk.payment_method,
      flow: request.payment_method.alipayhk.flow,
      description: request.description,
      notifyUrl: request.notify_url ?? null,
      status: "PENDING",
      createTime: cbtisTime(now),
      expiresAt: new Date(now.getTime() + INTENT_LIFETIME_MS),
      pendingQueriesLeft: pending ? pending.afterQueries : null,
      pendingSettle: pending ? pending.settle : null,
    })
    .onConflictDoNothing()
    .returning();
  if (!created) return refusal(409, 409, "merchant_order_id: already used");
  return ok({
    ...intentAnswer(created),
    next_action: { type: "redirect", url: `${ctx.publicBaseUrl}/sandbox/cbtis/cashier/${orderId}` },
  });
}

/** `payment_intents/query`; a scripted pending intent counts down its queries here, then settles. */
export async function queryIntent(ctx: ApiContext, json: unknown, now: Date): Promise<Answer> {
  const parsed = queryRequestSchema.safeParse(json);
  if (!parsed.success) return refusal(400, 400, "order_id or merchant_order_id is required");
  let intent = await findIntent(ctx.db, {
    orderId: parsed.data.order_id,
    merchantOrderId: parsed.data.merchant_order_id,
  });
  if (!intent) return refusal(404, 404, "payment intent not found");
  if (intent.status === "PENDING" && intent.pendingQueriesLeft !== null) {
    if (intent.pendingQueriesLeft > 0 || intent.pendingSettle === "never") {
      await ctx.db
        .update(cbtisSandboxIntents)
        .set({ pendingQueriesLeft: Math.max(intent.pendingQueriesLeft - 1, 0) })
        .where(eqOrder(intent.orderId));
    } else {
      const settled = await settleIntent(
        ctx.db,
        intent.orderId,
        intent.pendingSettle === "cancelled" ? "CANCELLED" : "SUCCEEDED",
        now,
      );
      if (settled?.status === "SUCCEEDED") await ctx.onPaid(settled);
      intent = settled ?? intent;
    }
  } else if (intent.status === "PENDING") {
    // An intent past its time reads as cancelled.
    const expired = intent.expiresAt <= now ? await settleIntent(ctx.db, intent.orderId, "CANCELLED", now) : null;
    intent = expired ?? (await findIntent(ctx.db, { orderId: intent.orderId })) ?? intent;
  }
  return ok(intentAnswer(intent));
}

const eqOrder = (orderId: string) => eq(cbtisSandboxIntents.orderId, orderId);
