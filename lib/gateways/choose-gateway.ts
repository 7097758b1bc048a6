import type { Config } from "../env";
import type { SandboxGateway } from "../sandbox/gateway";
import type { GatewayWiring } from "./gateway-wiring";
import { qfpayWiring } from "./qfpay/qfpay-wiring";
import { sandboxWiring } from "./sandbox/sandbox-wiring";

/**
 * The one place that picks the gateway the shop pays through, from the configuration. A new provider
 * is a folder beside qfpay/ and sandbox/ and a branch here.
 */
export function chooseGateway(config: Config, inProcessSandbox: SandboxGateway | null = null): GatewayWiring {
  return config.qfpay.environment === "sandbox" ? sandboxWiring(config.siteUrl, inProcessSandbox) : qfpayWiring(config);
}
