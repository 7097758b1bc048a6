import type { SandboxGateway } from "./gateway";

/** Where the sandbox answers, as app/sandbox/qfpay serves it: QFPay's API under this prefix, and its control. */
export const SANDBOX_API_PREFIX = "/sandbox/qfpay/trade/v1/";
export const SANDBOX_CONTROL_PATH = "/sandbox/qfpay/control";

/**
 * The sandbox's answer to a request at one of its own paths, or null for any other path: one router for
 * every server that carries the sandbox without Next's (the test harnesses).
 */
export function routeSandboxRequest(gateway: SandboxGateway, request: Request): Promise<Response> | null {
  const path = new URL(request.url).pathname;
  if (path === SANDBOX_CONTROL_PATH) return gateway.handleControl(request);
  if (!path.startsWith(SANDBOX_API_PREFIX)) return null;
  const endpoint = path.slice(SANDBOX_API_PREFIX.length);
  return /^[a-z]+$/.test(endpoint) ? gateway.handleApi(endpoint, request) : null;
}
