import { readOrderProgress, readStoredProgress } from "@/lib/payments/order-status";
import { enterOrderRoute, NO_STORE } from "@/lib/web/order-route-door";
import { EVENTS_RULE } from "@/lib/web/rate-limit";
import { shopOrderStatusFeed } from "@/lib/web/order-status-feed";
import { EVENT_STREAM_HEADERS, openOrderStatusStream } from "@/lib/web/order-status-stream";

/**
 * The order page's live status, pushed: the order's state now and each time a committed transaction moves
 * it, as Server-Sent Events (lib/web/order-status-stream.ts). The same door as the status route: other
 * sites refused, opens counted per client and order, and the order shown only to who may see its page
 * (anyone else gets the same 404 as for an order that does not exist). Any answer but the stream (404,
 * 429, 503 when this process is full or its database listener is down) makes the page poll instead.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const door = await enterOrderRoute(request, id, EVENTS_RULE);
  if (door.refusal) return door.refusal;
  const { ctx } = door;
  const opening = await openOrderStatusStream({
    orderId: id,
    feed: shopOrderStatusFeed(),
    read: () => readStoredProgress(ctx, id),
    recheck: () => readOrderProgress(ctx, id),
    signal: request.signal,
    log: ctx.log,
  });
  if (opening.kind === "not-found") return Response.json({ error: "Not found" }, { status: 404, headers: NO_STORE });
  if (opening.kind === "busy")
    return Response.json({ error: "Busy" }, { status: 503, headers: { ...NO_STORE, "Retry-After": "30" } });
  return new Response(opening.body, { headers: EVENT_STREAM_HEADERS });
}
