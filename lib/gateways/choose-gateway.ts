import type { Config } from "../env";
import type { CbtisSandbox } from "../sandbox/cbtis/gateway";
import type { SandboxGateway } from "../sandbox/gateway";
import { cbtisWiring } from "./cbtis/cbtis-wiring";
import type { GatewayWiring } from "./gateway-wiring";
import { qfpayWiring } from "./qfpay/qfpay-wiring";
import { sandboxWiring } from "./sandbox/sandbox-wiring";

/**
 * The one place that picks the gateway the shop pays through, from the configuration. A new provider
 * is a folder beside qfpay/ and sandbox/ and a branch here.
 */
export function chooseGateway(
  config: Config,
  inProcessSandbox: SandboxGateway | null = null,
  inProcessCbtis: CbtisSandbox | null = null,
): GatewayWiring {
  if (config.provider === "cbtis") return cbtisWiring(config, inProcessCbtis);
  return config.qfpay.environment === "sandbox" ? sandboxWiring(config.siteUrl, inProcessSandbox) : qfpayWiring(config);
}
