import { clientAddress } from "@/lib/web/client-address";
import { getConfig } from "@/lib/env";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { errorField, logger } from "@/lib/log";
import { handleNotifyRequest, tryAgainLater } from "@/lib/web/notify-handler";

/** QFPay's asynchronous notifications: verified over the raw body, recorded, applied, answered. */
export async function POST(request: Request) {
  if (getConfig().provider !== "qfpay") return new Response("Not Found", { status: 404 });
  let ctx;
  try {
    ctx = await getPaymentsContext();
  } catch (error) {
    // A shop that cannot open its database or configuration now hears it again on QFPay's retry.
    logger.error({ event: "notification.error", stage: "context", error: errorField(error) });
    return tryAgainLater();
  }
  return handleNotifyRequest(ctx, request, clientAddress(request.headers, getConfig()));
}
