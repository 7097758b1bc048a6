import { after } from "next/server";
import { getSandboxGateway } from "@/lib/sandbox/instance";

/** Scripts the sandbox for tests (faults, pay, decline, expire, duplicate notifications); sandbox mode only. */
async function handle(request: Request) {
  const gateway = await getSandboxGateway();
  if (!gateway) return new Response("Not Found", { status: 404 });
  const response = await gateway.handleControl(request);
  after(() => gateway.deliverNotifications());
  return response;
}

export const GET = handle;
export const POST = handle;
