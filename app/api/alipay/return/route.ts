import { localizedPath } from "@/i18n/localized-path";
import { routing, type Locale } from "@/i18n/routing";
import { exchangeAuthCode } from "@/lib/alipay/oauth-token";
import { getDb } from "@/lib/db/database";
import { getConfig } from "@/lib/env";
import { alipayAppCredentials } from "@/lib/gateways/alipay-app";
import { logger } from "@/lib/log";
import { finishAlipayAuthorisation } from "@/lib/web/alipay-authorisation";
import { getShopSession } from "@/lib/web/session";

const NO_STORE = { "Cache-Control": "no-store" };

function refuse(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE } });
}

/**
 * Alipay's web authorisation comes back here (the redirect_uri the checkout sent it with): the state is
 * checked against the session, the auth code exchanged for the shopper's user id, and the shopper sent
 * back to the checkout, which says what came of it. The user id is never logged, never in a URL.
 */
export async function GET(request: Request): Promise<Response> {
  const config = getConfig();
  if (!config.alipay) return refuse(404, "Not Found");
  const url = new URL(request.url);
  const session = await getShopSession();
  const app = config.alipay;
  const result = await finishAlipayAuthorisation(
    session,
    url.searchParams,
    async (code) => exchangeAuthCode(await alipayAppCredentials(app, await getDb()), code),
    new Date(),
  );
  logger.info({
    event: "alipay.authorisation",
    outcome: result.kind,
    ...(result.kind === "failed" ? { exchange: result.outcome } : {}),
  });
  if (result.kind === "malformed") return refuse(400, "Bad request: this is not an answer from Alipay.");
  // Another browser's answer, a stale one, or one used already: nothing is changed, the shopper starts again.
  if (result.kind === "bad-state")
    return refuse(
      400,
      "This Alipay authorisation does not belong to this visit. Go back to the checkout and try again.",
    );
  session.checkoutEmail = result.email;
  await session.save();
  const locale: Locale = (routing.locales as readonly string[]).includes(result.locale)
    ? (result.locale as Locale)
    : routing.defaultLocale;
  const checkout = `${localizedPath("/checkout", locale)}?alipay=${encodeURIComponent(result.kind)}`;
  return new Response(null, { status: 303, headers: { Location: `${config.siteUrl}${checkout}`, ...NO_STORE } });
}
