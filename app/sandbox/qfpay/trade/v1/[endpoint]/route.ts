import { after } from "next/server";
import { getSandboxGateway } from "@/lib/sandbox/instance";

/** The sandbox's `/trade/v1/payment`, `/trade/v1/query` and `/trade/v1/refund`, signed as QFPay's are. */
export async function POST(request: Request, { params }: { params: Promise<{ endpoint: string }> }) {
  const gateway = await getSandboxGateway();
  if (!gateway) return new Response("Not Found", { status: 404 });
  const { endpoint } = await params;
  const response = await gateway.handleApi(endpoint, request);
  // Keeps the function alive on serverless hosts until the notifications this call queued have gone out.
  after(() => gateway.deliveriesSettled());
  return response;
}
