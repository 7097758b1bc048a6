import { createHmac, timingSafeEqual } from "node:crypto";
import { SANDBOX_CBTIS_API_KEY, SANDBOX_CBTIS_CLIENT_ID, SANDBOX_TOKEN_MS } from "./credentials";

/**
 * The stand-in's login, as docs/cbtis.md assumes CBTIS's: `x-client-id` and `x-api-key` buy a bearer
 * token that ends at `expires_at`. A token carries its own end and a MAC over it, so every instance of the
 * sandbox accepts what any one issued, with no table.
 */
function mac(expiresAt: number): string {
  return createHmac("sha256", SANDBOX_CBTIS_API_KEY).update(`token:${expiresAt}`).digest("base64url");
}

export function issueToken(headers: Headers, now: Date): { token: string; expires_at: string } | null {
  if (headers.get("x-client-id") !== SANDBOX_CBTIS_CLIENT_ID || headers.get("x-api-key") !== SANDBOX_CBTIS_API_KEY)
    return null;
  const expiresAt = now.getTime() + SANDBOX_TOKEN_MS;
  return { token: `sbx.${expiresAt}.${mac(expiresAt)}`, expires_at: new Date(expiresAt).toISOString() };
}

export function tokenValid(authorization: string | null, now: Date): boolean {
  const match = /^Bearer sbx\.(\d{1,15})\.([\w-]{43})$/.exec(authorization ?? "");
  if (!match) return false;
  const expiresAt = Number(match[1]);
  const expected = Buffer.from(mac(expiresAt));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) && now.getTime() < expiresAt;
}
