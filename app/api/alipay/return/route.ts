import { localizedPath } from "@/i18n/localized-path";
import { routing, type Locale } from "@/i18n/routing";
import { exchangeAuthCode } from "@/lib/alipay/oauth-token";
import { getConfig } from "@/lib/env";
import { alipayAppCredentials } from "@/lib/gateways/alipay-app";
import { logger } from "@/lib/log";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { returnFromAlipay } from "@/lib/web/return-from-alipay";
import { getShopSession } from "@/lib/web/session";

const NO_STORE = { "Cache-Control": "no-store" };

function refuse(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE } });
}

/**
 * Alipay's web authorisation comes back here (the redirect_uri the checkout sent it with): the state is
 * checked against the session, the auth code exchanged for the shopper's user id and, when it was the
 * press of "Pay with Alipay" that asked, the order placed and paid for in Alipay's cashier at once: the
 * shopper lands on the order page, whose tradePay starts by itself. Otherwise (denied, failed, nothing to
 * pay) back to the checkout, which says what came of it. The user id is never logged, never in a URL.
 */
export async function GET(request: Request): Promise<Response> {
  const config = getConfig();
  if (!config.alipay) return refuse(404, "Not Found");
  const url = new URL(request.url);
  const session = await getShopSession();
  const app = config.alipay;
  const ctx = await getPaymentsContext();
  const result = await returnFromAlipay(ctx, session, url.searchParams, async (code) =>
    exchangeAuthCode(await alipayAppCredentials(app, ctx.db), code),
  );
  logger.info({
    event: "alipay.authorisation",
    outcome: result.kind,
    ...(result.kind === "failed" ? { exchange: result.outcome } : {}),
    ...(result.payment ? { payment: result.payment.ok ? "started" : result.payment.problem.code } : {}),
  });
  if (result.kind === "malformed") return refuse(400, "Bad request: this is not an answer from Alipay.");
  // Another browser's answer, a stale one, or one used already: nothing is changed, the shopper starts again.
  if (result.kind === "bad-state")
    return refuse(
      400,
      "This Alipay authorisation does not belong to this visit. Go back to the checkout and try again.",
    );
  await session.save();
  const locale: Locale = (routing.locales as readonly string[]).includes(result.locale)
    ? (result.locale as Locale)
    : routing.defaultLocale;
  // 800107 has no wallet page to jump to: the order page hands its tradeNO to the in-app cashier.
  const target = result.payment?.ok
    ? localizedPath(`/orders/${result.payment.orderId}`, locale)
    : `${localizedPath("/checkout", locale)}?alipay=${encodeURIComponent(result.kind)}`;
  return new Response(null, { status: 303, headers: { Location: `${config.siteUrl}${target}`, ...NO_STORE } });
}
