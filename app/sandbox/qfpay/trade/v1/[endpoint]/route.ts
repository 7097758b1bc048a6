import { getSandboxGateway } from "@/lib/sandbox/instance";

/** The sandbox's `/trade/v1/payment`, `/trade/v1/query` and `/trade/v1/refund`, signed as QFPay's are. */
export async function POST(request: Request, { params }: { params: Promise<{ endpoint: string }> }) {
  const gateway = await getSandboxGateway();
  if (!gateway) return new Response("Not Found", { status: 404 });
  const { endpoint } = await params;
  // The notifications a call queues go out in this request's after() (the gateway defers their delivery).
  return gateway.handleApi(endpoint, request);
}
