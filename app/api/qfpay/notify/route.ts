import { clientAddress } from "@/lib/web/client-address";
import { getConfig } from "@/lib/env";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { handleNotifyRequest } from "@/lib/web/notify-handler";

/** QFPay's asynchronous notifications: verified over the raw body, recorded, applied, answered. */
export async function POST(request: Request) {
  let ctx;
  try {
    ctx = await getPaymentsContext();
  } catch {
    // Not SUCCESS: a shop that cannot open its database or configuration now hears it again on QFPay's retry.
    return new Response("FAIL: try again", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return handleNotifyRequest(ctx, request, clientAddress(request.headers, getConfig()));
}
