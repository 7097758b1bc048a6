import { loginAccessTokens } from "../../cbtis/access-token";
import { createCbtisClient, DEFAULT_TIMEOUT_MS, type CbtisClient } from "../../cbtis/client";
import type { Config } from "../../env";
import type { GatewayWiring } from "../gateway-wiring";

/** The CBTIS client a configuration and its wiring call with, its access tokens held per client. */
export function cbtisClientFor(
  config: Config,
  wiring: Extract<GatewayWiring, { provider: "cbtis" }>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): CbtisClient {
  if (!config.cbtis) throw new Error("CBTIS is not configured.");
  const baseUrl = config.cbtis.apiBase;
  const tokens = tokensFor(`${baseUrl} ${wiring.clientId}`, () =>
    loginAccessTokens({
      baseUrl,
      clientId: wiring.clientId,
      apiKey: wiring.apiKey,
      lifetimeMs: config.cbtis!.tokenLifetimeMs,
      timeoutMs,
      fetch: wiring.fetch,
    }),
  );
  return createCbtisClient({ baseUrl, tokens, timeoutMs, fetch: wiring.fetch });
}

// The context is built per request: one token holder per API and client id lives as long as the process,
// so that every request does not log in again.
const holders = new Map<string, ReturnType<typeof loginAccessTokens>>();
function tokensFor(key: string, make: () => ReturnType<typeof loginAccessTokens>) {
  let tokens = holders.get(key);
  if (!tokens) {
    tokens = make();
    holders.set(key, tokens);
  }
  return tokens;
}
