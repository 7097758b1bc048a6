import type { PaymentsContext } from "../payments/context";
import { receiveNotification, type NotificationResult } from "../payments/receive-notification";
import { errorField } from "../log";
import { readLimitedBody } from "./read-limited-body";
import { UNPROVEN_NOTIFICATION_RULE } from "./rate-limit";
import { admitSender, countRefused, countRefusedNotification } from "./refused-notification";

/** QFPay's bodies are a few hundred bytes; anything far larger is not QFPay, and is not read further. */
const MAX_NOTIFICATION_BYTES = 64 * 1024;

/** QFPay stops resending only on `SUCCESS`: anything else brings the notification again. */
const ANSWERS: Record<Exclude<NotificationResult, "forged">, { status: number; body: string }> = {
  taken: { status: 200, body: "SUCCESS" },
  unconfirmed: { status: 503, body: "FAIL: the gateway's query does not confirm this payment yet" },
  // Nothing to retry: the provider's own message about an order not the shop's is taken too.
  unmatched: { status: 200, body: "SUCCESS" },
  limited: { status: 429, body: "FAIL: too many notifications" },
};

function answer(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** Not `SUCCESS`: QFPay will send it again, by which time the shop may answer. */
export function tryAgainLater(): Response {
  return answer(503, "FAIL: try again");
}

/** The notification endpoint as a Web handler: raw bytes in, QFPay's `SUCCESS` (or not) out. */
export async function handleNotifyRequest(
  ctx: PaymentsContext,
  request: Request,
  client: string,
  /** Where the provider puts its signature: QFPay's X-QF-SIGN; CBTIS's assumed X-Signature (docs/cbtis.md). */
  signatureHeader = "x-qf-sign",
): Promise<Response> {
  try {
    const { bytes, oversized } = await readLimitedBody(request, MAX_NOTIFICATION_BYTES);
    const refuse = async (reason: "oversized" | "bad_signature", status: 413 | 401, text: string) => {
      const counted = await countRefusedNotification(ctx.db, ctx.log, ctx.sessionSecret, ctx.now(), {
        reason,
        raw: bytes,
        client,
        status,
      });
      return counted === 429 ? answer(429, "FAIL: too many refused notifications") : answer(status, text);
    };
    if (oversized) return await refuse("oversized", 413, "FAIL: body too large");
    const result = await receiveNotification(ctx, {
      raw: bytes,
      signature: request.headers.get(signatureHeader),
      admitUnproven: () => admitSender(ctx.db, ctx.sessionSecret, ctx.now(), UNPROVEN_NOTIFICATION_RULE, client),
    });
    if (result === "forged") return await refuse("bad_signature", 401, "FAIL: signature");
    if (result === "unmatched") {
      // Already admitted against its sender's allowance: counted in the hour's row, never stored one by one.
      await countRefused(ctx.db, ctx.log, ctx.now(), { reason: "unmatched_hint", raw: bytes, client }, 200);
    }
    return answer(ANSWERS[result].status, ANSWERS[result].body);
  } catch (error) {
    ctx.log.error({ event: "notification.error", error: errorField(error) });
    return tryAgainLater();
  }
}
