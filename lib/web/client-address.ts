import { PEER_ADDRESS_HEADER } from "./peer-address";

export interface AddressTrust {
  /** On Vercel: its edge writes the client's address into headers a client cannot forge. */
  serverless: boolean;
  /** Proxies of your own in front of `next start`, each appending to x-forwarded-for (TRUSTED_PROXY_HOPS). */
  trustedProxyHops: number;
}

/**
 * The client's address for rate limits and lock-outs, from a source the deployment vouches for; what a
 * client writes into its own headers never counts. On Vercel, `x-vercel-forwarded-for` (then
 * `x-real-ip`), which its edge sets. Elsewhere the connection's own address, stamped by the server
 * (lib/peer-address.ts), or, behind N trusted proxies, the address the outermost of them saw: the Nth
 * entry from the right of x-forwarded-for followed by the connection's address.
 */
export function clientAddress(headers: Headers, trust: AddressTrust): string {
  if (trust.serverless) {
    return (
      headers.get("x-vercel-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim() || "unknown"
    );
  }
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
  if (trust.trustedProxyHops === 0) return peer;
  const chain = [
    ...(headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
    peer,
  ];
  return chain[Math.max(0, chain.length - 1 - trust.trustedProxyHops)]!;
}
