import { clientAddress } from "@/lib/web/client-address";
import { getConfig } from "@/lib/env";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { errorField, logger } from "@/lib/log";
import { handleNotifyRequest, tryAgainLater } from "@/lib/web/notify-handler";

/** QFPay's asynchronous notifications: verified over the raw body, recorded, applied, answered. */
export async function POST(request: Request) {
  let ctx;
  try {
    // Inside the try: a configuration that does not load is a 503 that QFPay retries, never a 500.
    if (getConfig().provider !== "qfpay") return new Response("Not Found", { status: 404 });
    ctx = await getPaymentsContext();
  } catch (error) {
    // A shop that cannot open its database or configuration now hears it again on QFPay's retry.
    logger.error({ event: "notification.error", stage: "context", error: errorField(error) });
    return tryAgainLater();
  }
  return handleNotifyRequest(ctx, request, clientAddress(request.headers, getConfig()));
}
