import { after } from "next/server";
import { getCbtisSandbox } from "@/lib/sandbox/cbtis/instance";

/** Scripts the CBTIS stand-in for tests (faults, pay, cancel, webhooks); CBTIS sandbox mode only. */
async function handle(request: Request) {
  const sandbox = await getCbtisSandbox();
  if (!sandbox) return new Response("Not Found", { status: 404 });
  const response = await sandbox.handleControl(request);
  after(() => sandbox.deliverWebhooks());
  return response;
}

export const GET = handle;
export const POST = handle;
