import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { readOrderProgress, readStoredProgress } from "@/lib/payments/order-status";
import { mayViewOrder } from "@/lib/web/order-viewer";
import { clientAddress } from "@/lib/web/client-address";
import { getConfig } from "@/lib/env";
import { allowRequest, EVENTS_RULE, rateKey } from "@/lib/web/rate-limit";
import { isCrossSiteRequest } from "@/lib/web/same-origin";
import { shopOrderStatusFeed } from "@/lib/web/order-status-feed";
import { EVENT_STREAM_HEADERS, openOrderStatusStream } from "@/lib/web/order-status-stream";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * The order page's live status, pushed: the order's state now and each time a committed transaction moves
 * it, as Server-Sent Events (lib/web/order-status-stream.ts). The same door as the status route: other
 * sites refused, opens counted per client and order, and the order shown only to who may see its page
 * (anyone else gets the same 404 as for an order that does not exist). Any answer but the stream (404,
 * 429, 503 when this process is full or its database listener is down) makes the page poll instead.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getPaymentsContext();
  if (isCrossSiteRequest(request.headers, ctx.siteUrl))
    return Response.json({ error: "Forbidden" }, { status: 403, headers: NO_STORE });
  if (
    !(await allowRequest(
      ctx.db,
      EVENTS_RULE,
      rateKey(EVENTS_RULE, [clientAddress(request.headers, getConfig()), id], ctx.sessionSecret),
    ))
  ) {
    return Response.json(
      { error: "Too many requests" },
      { status: 429, headers: { ...NO_STORE, "Retry-After": "30" } },
    );
  }
  const token = new URL(request.url).searchParams.get("t");
  if (!(await mayViewOrder(ctx, id, token)))
    return Response.json({ error: "Not found" }, { status: 404, headers: NO_STORE });
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
