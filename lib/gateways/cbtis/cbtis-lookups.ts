import { fromCbtisAmount } from "../../cbtis/amount";
import type { CbtisClient } from "../../cbtis/client";
import { isIntentNotFound } from "../../cbtis/codes";
import type { Intent } from "../../cbtis/responses";
import type { GatewayTruth, Requested } from "../../payments/gateway";
import { CBTIS_CODES } from "./cbtis-shopper-reason";

/** CBTIS's query names one intent: a batch of confirmations is this many queries, a few at a time. */
export const CBTIS_LOOK_UP_BATCH = 10;
const AT_ONCE = 4;

/**
 * What CBTIS holds for these payments, one query per merchant_order_id. A payment whose query failed in
 * transport, or was refused with anything but "no such intent", is missing from the answer: unknown.
 */
export async function lookUpCbtisPayments(
  client: CbtisClient,
  payments: readonly Requested[],
): Promise<Map<string, GatewayTruth>> {
  const truths = new Map<string, GatewayTruth>();
  const queue = [...payments];
  async function worker() {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const truth = await lookUpOne(client, next.outTradeNo);
      if (truth) truths.set(next.outTradeNo, truth);
    }
  }
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, payments.length) }, worker));
  return truths;
}

async function lookUpOne(client: CbtisClient, outTradeNo: string): Promise<GatewayTruth | null> {
  const outcome = await client.queryIntent({ merchant_order_id: outTradeNo });
  if (outcome.kind === "failed" && isIntentNotFound(outcome.code)) return { kind: "absent" };
  if (outcome.kind !== "accepted") return null;
  // An answer about another order tells nothing of this one.
  return outcome.value.merchant_order_id === outTradeNo ? intentTruth(outcome.value) : null;
}

/** An intent as the state machine needs it; an amount CBTIS wrote unreadably is -1, which no order matches. */
export function intentTruth(intent: Intent): GatewayTruth {
  switch (intent.status) {
    case "SUCCEEDED":
      return {
        kind: "paid",
        syssn: intent.order_id,
        amount: fromCbtisAmount(intent.amount, intent.currency) ?? -1,
        currency: intent.currency,
      };
    case "PENDING":
      return { kind: "pending", syssn: intent.order_id, code: intent.status };
    case "CANCELLED":
      return {
        kind: "closed",
        syssn: intent.order_id,
        code: CBTIS_CODES.cancelled,
        // The record's words (the admin reads them); the shopper is told by cbtisShopperReason.
        reason: "CBTIS reports the intent CANCELLED: cancelled, or its time ran out, before it was paid.",
      };
  }
}
