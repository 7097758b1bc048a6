import type { PaymentsContext } from "../payments/context";
import { errorField } from "../log";
import { readLimitedBody } from "./read-limited-body";
import { MAX_NOTIFICATION_BYTES, receiveNotification } from "../payments/receive-notification";

/** The notification endpoint as a Web handler: raw bytes in, QFPay's `SUCCESS` (or not) out. */
export async function handleNotifyRequest(ctx: PaymentsContext, request: Request, client: string): Promise<Response> {
  const { bytes, oversized } = await readLimitedBody(request, MAX_NOTIFICATION_BYTES);
  const signature = request.headers.get("x-qf-sign");
  let answer;
  try {
    answer = await receiveNotification(ctx, { raw: bytes, signature, oversized, client });
  } catch (error) {
    // Not SUCCESS: QFPay will send it again, by which time the database may answer.
    ctx.log.error({ event: "notification.error", error: errorField(error) });
    answer = { status: 503, body: "FAIL: try again" };
  }
  return new Response(answer.body, { status: answer.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
