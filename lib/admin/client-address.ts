/** The client's address as the nearest proxy reports it (Vercel and most hosts set x-forwarded-for). */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
