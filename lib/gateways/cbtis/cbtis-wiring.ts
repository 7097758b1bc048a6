import type { Config } from "../../env";
import { SANDBOX_CBTIS_API_KEY, SANDBOX_CBTIS_CLIENT_ID } from "../../sandbox/cbtis/credentials";
import type { CbtisSandbox } from "../../sandbox/cbtis/gateway";
import { inProcessCbtisFetch } from "../../sandbox/cbtis/in-process-fetch";
import type { GatewayWiring } from "../gateway-wiring";

/**
 * CBTIS: the credentials CBTIS issued, over the network; in sandbox mode the stand-in's public ones, and
 * the stand-in called in-process when it runs in this very process (over HTTP otherwise, as from a test).
 */
export function cbtisWiring(config: Config, inProcess: CbtisSandbox | null): GatewayWiring {
  if (config.qfpay.environment === "sandbox")
    return {
      provider: "cbtis",
      clientId: SANDBOX_CBTIS_CLIENT_ID,
      apiKey: SANDBOX_CBTIS_API_KEY,
      fetch: inProcess ? inProcessCbtisFetch(inProcess, config.siteUrl) : undefined,
    };
  const { clientId, apiKey } = config.cbtis ?? {};
  // lib/env.ts refuses to start test or live mode without them: reaching here without is a wiring bug.
  if (clientId === undefined || apiKey === undefined) throw new Error("CBTIS's credentials are not configured.");
  return { provider: "cbtis", clientId, apiKey };
}
