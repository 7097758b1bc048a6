/**
 * What a provider folder under lib/gateways hands the context builder: the credentials the shop signs
 * with and verifies notifications by, and how its requests travel (the network unless a fetch is given).
 */
export interface GatewayWiring {
  appCode: string;
  clientKey: string;
  fetch?: typeof globalThis.fetch;
}
