/** Alipay's web authorisation page for an app's H5 pages (the Service Window's `publicAppAuthorize`). */
export const ALIPAY_AUTHORIZE_URL = "https://openauth.alipay.com/oauth2/publicAppAuthorize.htm";

/**
 * Where the shopper's browser goes to let the app learn their Alipay user id. `auth_base` asks for the
 * user id only (Alipay grants it without asking the shopper); Alipay comes back to `redirectUri` with
 * `auth_code` and the `state` given here, which must be bound to the shopper's session by the caller.
 */
export function authorizeUrl(page: string, appId: string, redirectUri: string, state: string): string {
  const url = new URL(page);
  url.searchParams.set("app_id", appId);
  url.searchParams.set("scope", "auth_base");
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("state", state);
  return url.toString();
}

/** An Alipay user id (QFPay's `openid` for 800107): 2088 and twelve digits. */
export const ALIPAY_USER_ID = /^2088\d{12}$/;

/** What Alipay's authorisation returns to `redirect_uri`: codes are short letters and digits. */
export const AUTH_CODE = /^[A-Za-z0-9_-]{8,128}$/;
