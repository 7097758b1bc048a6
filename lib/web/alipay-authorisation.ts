import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { AUTH_CODE, authorizeUrl } from "../alipay/authorize-url";
import type { TokenOutcome } from "../alipay/oauth-token";
import type { Device } from "../qfpay/pay-types";

/**
 * An authorisation under way: its state, when it began, and the checkout it interrupted (the email typed,
 * the language, and the press of "Pay with Alipay" that the return carries out once the user id is known).
 */
export interface PendingAuthorisation {
  state: string;
  at: number;
  email: string;
  locale: string;
  /** `cart`: the name the cart had at the press (session `cartId`): a changed cart is not paid for unseen. */
  pay?: { device: Device; cart?: string };
}

/** What of the shopper's session the authorisation reads and writes (lib/web/session.ts ShopSessionData). */
export interface AlipaySessionFields {
  alipayAuth?: PendingAuthorisation;
  alipayUserId?: string;
  alipayFallback?: "declined" | "failed";
}

/** How long a shopper may take on Alipay's page before the state goes stale. */
export const STATE_LIFETIME_MS = 10 * 60_000;

/**
 * Starts Alipay's web authorisation: a fresh, unguessable `state` kept in the sealed session (so the
 * answer is taken only by the browser that asked, never by a link someone else made), with the email
 * typed and the language, and the authorisation page's address. The caller saves the session.
 */
export function beginAlipayAuthorisation(
  session: AlipaySessionFields,
  app: { appId: string; authorizePage: string },
  redirectUri: string,
  checkout: Omit<PendingAuthorisation, "state" | "at">,
  now: Date,
): string {
  const state = randomBytes(24).toString("base64url");
  session.alipayAuth = { state, at: now.getTime(), ...checkout };
  return authorizeUrl(app.authorizePage, app.appId, redirectUri, state);
}

/** What Alipay sends back to redirect_uri: the state always, the auth code when the shopper allowed it. */
const returnSchema = z.object({
  state: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  auth_code: z.string().regex(AUTH_CODE).optional(),
  app_id: z
    .string()
    .regex(/^\d{16}$/)
    .optional(),
  scope: z.string().max(64).optional(),
});

export type AuthorisationReturn =
  /** Not what Alipay sends: nothing was read or changed. */
  | { kind: "malformed" }
  /** A state this session did not start, or a stale one: refused, and the session left as it was. */
  | { kind: "bad-state" }
  /** `pay`: the checkout's press this authorisation interrupted, to be carried out now. */
  | { kind: "linked"; email: string; locale: string; pay?: { device: Device; cart?: string } }
  | { kind: "declined"; email: string; locale: string }
  /** The code could not be exchanged (refused, unverified, unreachable): Alipay's web page instead. */
  | { kind: "failed"; email: string; locale: string; outcome: Exclude<TokenOutcome["kind"], "linked"> };

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Alipay's answer: the state must be this session's, and fresh; it is spent at once, in the session and
 * through `spend` in the database (so that a replayed copy of the cookie, on any instance, finds it used),
 * then the auth code is exchanged (`exchange`, which verifies Alipay's signature) and the user id kept in
 * the session. A bad or replayed answer changes nothing. The caller saves the session.
 */
export async function finishAlipayAuthorisation(
  session: AlipaySessionFields,
  query: URLSearchParams,
  exchange: (authCode: string) => Promise<TokenOutcome>,
  spend: (state: string) => Promise<boolean>,
  now: Date,
): Promise<AuthorisationReturn> {
  const fields = Object.fromEntries(
    ["state", "auth_code", "app_id", "scope"].map((name) => [name, query.get(name) ?? undefined]),
  );
  // A field sent twice is no answer of Alipay's.
  if (["state", "auth_code"].some((name) => query.getAll(name).length > 1)) return { kind: "malformed" };
  const parsed = returnSchema.safeParse(fields);
  if (!parsed.success) return { kind: "malformed" };
  const pending = session.alipayAuth;
  if (!pending || !sameText(pending.state, parsed.data.state) || now.getTime() - pending.at > STATE_LIFETIME_MS)
    return { kind: "bad-state" };
  if (!(await spend(pending.state))) return { kind: "bad-state" };
  delete session.alipayAuth;
  const { email, locale, pay } = pending;
  if (!parsed.data.auth_code) {
    session.alipayFallback = "declined";
    delete session.alipayUserId;
    return { kind: "declined", email, locale };
  }
  const outcome = await exchange(parsed.data.auth_code);
  if (outcome.kind !== "linked") {
    session.alipayFallback = "failed";
    delete session.alipayUserId;
    return { kind: "failed", email, locale, outcome: outcome.kind };
  }
  session.alipayUserId = outcome.userId;
  delete session.alipayFallback;
  return { kind: "linked", email, locale, ...(pay ? { pay } : {}) };
}
