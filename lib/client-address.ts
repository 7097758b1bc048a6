/**
 * The client's address for rate limits and lock-outs: the last `x-forwarded-for` entry, which is the one
 * the nearest proxy wrote (Vercel overwrites the header; nginx and most load balancers append to it).
 * A `next start` exposed directly keeps whatever the client sent, so run it behind a proxy.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
