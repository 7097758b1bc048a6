import { SANDBOX_APP_CODE, SANDBOX_CLIENT_KEY } from "../../sandbox/credentials";
import type { SandboxGateway } from "../../sandbox/gateway";
import { inProcessSandboxFetch } from "../../sandbox/in-process-fetch";
import type { GatewayWiring } from "../gateway-wiring";

/**
 * The built-in sandbox: its public credentials, and, when the sandbox runs in this very process, its
 * API called directly rather than over loopback HTTP (lib/sandbox/in-process-fetch.ts). Without one
 * (a script, a test harness), the sandbox's HTTP API at QFPAY_API_BASE is called like QFPay's.
 */
export function sandboxWiring(siteUrl: string, inProcess: SandboxGateway | null): GatewayWiring {
  return {
    provider: "qfpay",
    appCode: SANDBOX_APP_CODE,
    clientKey: SANDBOX_CLIENT_KEY,
    fetch: inProcess ? inProcessSandboxFetch(inProcess, siteUrl) : undefined,
  };
}
