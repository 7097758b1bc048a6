import { accessTokenSchema } from "./responses";

/**
 * How the shop obtains CBTIS's access token. The seed points to an "Authentication Reference" it does
 * not include, so this is an ASSUMPTION (docs/cbtis.md), modelled on the API CBTIS's naming copies
 * (Airwallex): `POST {base}/mch-api/v1/authentication/login` with headers `x-client-id` and `x-api-key`,
 * answered `{token, expires_at}` (or the same inside CBTIS's `{code: 0, data}` envelope); the token is
 * sent as `Authorization: Bearer`, lives `lifetimeMs` (or until `expires_at`, if sooner) and is renewed a
 * margin before it ends, or at once after CBTIS refuses it. Only this module knows the scheme: another
 * one is another `AccessTokens`.
 */
export interface AccessTokens {
  /** A token to send, or null when none could be had (then nothing may be sent). */
  get(): Promise<string | null>;
  /** CBTIS refused the token: the next `get` fetches another. */
  invalidate(token: string): void;
}

export interface LoginConfig {
  baseUrl: string;
  clientId: string;
  apiKey: string;
  /** How long a token is trusted when CBTIS does not say (default 30 minutes). */
  lifetimeMs?: number;
  timeoutMs: number;
  fetch?: typeof fetch;
  now?: () => number;
}

export const LOGIN_PATH = "/mch-api/v1/authentication/login";
export const DEFAULT_TOKEN_LIFETIME_MS = 30 * 60_000;
/** Renewed this long before it ends, so that no request carries a token that dies on the way. */
const MARGIN_MS = 60_000;

export function loginAccessTokens(config: LoginConfig): AccessTokens {
  const doFetch = config.fetch ?? fetch;
  const now = config.now ?? Date.now;
  const lifetime = config.lifetimeMs ?? DEFAULT_TOKEN_LIFETIME_MS;
  let held: { token: string; renewAt: number } | null = null;
  // Concurrent requests share one login.
  let inFlight: Promise<string | null> | null = null;

  async function login(): Promise<string | null> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.timeoutMs);
    try {
      const response = await doFetch(config.baseUrl + LOGIN_PATH, {
        method: "POST",
        headers: { "x-client-id": config.clientId, "x-api-key": config.apiKey, Accept: "application/json" },
        signal: controller.signal,
        cache: "no-store",
        redirect: "error",
      });
      if (!response.ok) return null;
      const json: unknown = await response.json();
      const inner = (json as { data?: unknown } | null)?.data ?? json;
      const parsed = accessTokenSchema.safeParse(inner);
      if (!parsed.success) return null;
      const stated = parsed.data.expires_at ? Date.parse(parsed.data.expires_at) : NaN;
      const ends = Number.isNaN(stated) ? now() + lifetime : Math.min(stated, now() + lifetime);
      held = { token: parsed.data.token, renewAt: ends - Math.min(MARGIN_MS, lifetime / 4) };
      return parsed.data.token;
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async get() {
      if (held && now() < held.renewAt) return held.token;
      inFlight ??= login().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    invalidate(token) {
      if (held?.token === token) held = null;
    },
  };
}
