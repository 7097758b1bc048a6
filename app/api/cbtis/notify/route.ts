import { clientAddress } from "@/lib/web/client-address";
import { getConfig } from "@/lib/env";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { errorField, logger } from "@/lib/log";
import { handleNotifyRequest, tryAgainLater } from "@/lib/web/notify-handler";

/**
 * CBTIS's webhooks: a hint naming an intent, which the shop looks up and believes only as CBTIS's query
 * has it (docs/cbtis.md). Only a shop that pays through CBTIS listens here.
 */
export async function POST(request: Request) {
  let ctx;
  try {
    // Inside the try: a configuration that does not load is a 503 that CBTIS retries, never a 500.
    if (getConfig().provider !== "cbtis") return new Response("Not Found", { status: 404 });
    ctx = await getPaymentsContext();
  } catch (error) {
    logger.error({ event: "notification.error", stage: "context", error: errorField(error) });
    return tryAgainLater();
  }
  return handleNotifyRequest(ctx, request, clientAddress(request.headers, getConfig()), "x-signature");
}
