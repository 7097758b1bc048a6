import { getCbtisSandbox } from "@/lib/sandbox/cbtis/instance";

/** The CBTIS stand-in's login, `pa/payment_intents/create` and `pa/payment_intents/query`. */
export async function POST(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const sandbox = await getCbtisSandbox();
  if (!sandbox) return new Response("Not Found", { status: 404 });
  const { path } = await params;
  // The webhooks a call queues go out in this request's after() (the stand-in defers their delivery).
  return sandbox.handleApi(path.join("/"), request);
}
