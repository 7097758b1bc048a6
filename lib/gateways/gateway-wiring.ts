/**
 * What a provider folder under lib/gateways hands the context builder: the credentials the shop signs
 * with and verifies notifications by, and how its requests travel (the network unless a fetch is given).
 */
export type GatewayWiring =
  | { provider: "qfpay"; appCode: string; clientKey: string; fetch?: typeof globalThis.fetch }
  | { provider: "cbtis"; clientId: string; apiKey: string; fetch?: typeof globalThis.fetch };
