import "server-only";
import { getConfig } from "../env";
import { getPaymentsContext } from "../gateways/payments-context";
import { errorField, logger } from "../log";
import type { PaymentsContext } from "../payments/context";
import { clientAddress } from "./client-address";
import { mayViewOrder } from "./order-viewer";
import { allowRequest, rateKey, type RateRule } from "./rate-limit";
import { isCrossSiteRequest } from "./same-origin";

export const NO_STORE = { "Cache-Control": "no-store" };

/**
 * The door of the order page's live-status routes (the status and its stream): other sites refused, calls
 * counted per client and order under `rule`, and the order shown only to who may see its page (anyone else
 * gets the same 404 as for an order that does not exist). The context when the caller may come in, or the
 * answer that refuses it.
 */
export async function enterOrderRoute(
  request: Request,
  orderId: string,
  rule: RateRule,
): Promise<{ ctx: PaymentsContext; refusal?: never } | { refusal: Response }> {
  let ctx: PaymentsContext;
  try {
    ctx = await getPaymentsContext();
  } catch (error) {
    // A configuration or database that does not load is a 503 the page answers by polling later, never a 500.
    logger.error({ event: "order_route.error", stage: "context", error: errorField(error) });
    return {
      refusal: Response.json({ error: "Unavailable" }, { status: 503, headers: { ...NO_STORE, "Retry-After": "30" } }),
    };
  }
  if (isCrossSiteRequest(request.headers, ctx.siteUrl))
    return { refusal: Response.json({ error: "Forbidden" }, { status: 403, headers: NO_STORE }) };
  const key = rateKey(rule, [clientAddress(request.headers, getConfig()), orderId], ctx.sessionSecret);
  if (!(await allowRequest(ctx.db, rule, key)))
    return {
      refusal: Response.json(
        { error: "Too many requests" },
        { status: 429, headers: { ...NO_STORE, "Retry-After": "30" } },
      ),
    };
  if (!(await mayViewOrder(ctx, orderId, new URL(request.url).searchParams.get("t"))))
    return { refusal: Response.json({ error: "Not found" }, { status: 404, headers: NO_STORE }) };
  return { ctx };
}
