import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { readOrderProgress } from "@/lib/payments/order-status";
import { mayViewOrder } from "@/lib/web/order-viewer";
import { clientAddress } from "@/lib/web/client-address";
import { getConfig } from "@/lib/env";
import { allowRequest, rateKey, STATUS_RULE } from "@/lib/web/rate-limit";
import { deliverDueSandboxNotifications } from "@/lib/sandbox/instance";
import { isCrossSiteRequest } from "@/lib/web/same-origin";

const NO_STORE = { "Cache-Control": "no-store" };

/** The order page's live status: what the payments core knows, after asking QFPay if still pending. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getPaymentsContext();
  if (isCrossSiteRequest(request.headers, ctx.siteUrl))
    return Response.json({ error: "Forbidden" }, { status: 403, headers: NO_STORE });
  if (
    !(await allowRequest(
      ctx.db,
      STATUS_RULE,
      rateKey(STATUS_RULE, [clientAddress(request.headers, getConfig()), id], ctx.sessionSecret),
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
  await deliverDueSandboxNotifications();
  const progress = await readOrderProgress(ctx, id);
  if (!progress) return Response.json({ error: "Not found" }, { status: 404, headers: NO_STORE });
  return Response.json(progress, { headers: NO_STORE });
}
