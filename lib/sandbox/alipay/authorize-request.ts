import { z } from "zod";
import { AUTH_SCOPES, SANDBOX_ALIPAY_APP_ID } from "./credentials";

/**
 * What Alipay's authorisation page is opened with: the app, the scope, where to come back and the
 * caller's `state`. `redirect_uri` must be on the shop's own origin, as Alipay holds it to the domain the
 * app registered for its callbacks; `state` is the caller's own text, which Alipay gives back untouched.
 */
export function authorizeRequestSchema(siteOrigin: () => string) {
  return z.object({
    app_id: z.literal(SANDBOX_ALIPAY_APP_ID),
    scope: z.enum(AUTH_SCOPES),
    redirect_uri: z
      .string()
      .max(512)
      .refine((text) => {
        try {
          return new URL(text).origin === siteOrigin();
        } catch {
          return false;
        }
      }),
    state: z.string().regex(/^[\x21-\x7e]{1,100}$/),
  });
}
export type AuthorizeRequest = z.output<ReturnType<typeof authorizeRequestSchema>>;

/** Back to the caller, as Alipay comes back: with the auth code when allowed, without one when not. */
export function authorizeReturnUrl(request: AuthorizeRequest, authCode: string | null): string {
  const url = new URL(request.redirect_uri);
  url.searchParams.set("app_id", request.app_id);
  url.searchParams.set("source", "alipay_wallet");
  url.searchParams.set("scope", request.scope);
  if (authCode) url.searchParams.set("auth_code", authCode);
  else url.searchParams.set("error", "access_denied");
  url.searchParams.set("state", request.state);
  return url.toString();
}
