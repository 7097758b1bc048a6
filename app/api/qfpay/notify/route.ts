import { getPaymentsContext } from "@/lib/payments/app-context";
import { handleNotifyRequest } from "@/lib/payments/notify-handler";

/** QFPay's asynchronous notifications: verified over the raw body, recorded, applied, answered. */
export async function POST(request: Request) {
  return handleNotifyRequest(await getPaymentsContext(), request);
}
