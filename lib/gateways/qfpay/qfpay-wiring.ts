import type { Config } from "../../env";
import type { GatewayWiring } from "../gateway-wiring";

/** QFPay itself (test or live): the credentials QFPay issued, over the network. */
export function qfpayWiring(config: Config): GatewayWiring {
  const { appCode, clientKey } = config.qfpay;
  // lib/env.ts refuses to start test or live mode without them: reaching here without is a wiring bug.
  if (appCode === undefined || clientKey === undefined) throw new Error("QFPay's credentials are not configured.");
  return { provider: "qfpay", appCode, clientKey };
}
