import { localizedPath } from "@/i18n/localized-path";
import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { negotiateLocale } from "@/i18n/negotiate";
import { routing, type Locale } from "@/i18n/routing";
import { exchangeAuthCode } from "@/lib/alipay/oauth-token";
import { getConfig } from "@/lib/env";
import { alipayAppCredentials } from "@/lib/gateways/alipay-app";
import { logger } from "@/lib/log";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { returnFromAlipay } from "@/lib/web/return-from-alipay";
import { getShopSession } from "@/lib/web/session";

const NO_STORE = { "Cache-Control": "no-store" };

function refuse(status: number, text: string, locale?: Locale): Response {
  return new Response(`${text}\n`, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      ...(locale ? { "Content-Language": locale } : {}),
      ...NO_STORE,
    },
  });
}

/** What the checkout tells a shopper who comes back without a payment (app/[locale]/checkout/page.tsx). */
function checkoutNotice(result: {
  kind: "linked" | "declined" | "failed";
  outcome?: string;
  payment?: { ok: boolean };
}): string {
  // Linked, but the order its press asked for could not be placed: the checkout reads why from the session.
  if (result.payment && !result.payment.ok) return "unpaid";
  return result.kind === "failed" && result.outcome === "open-id-only" ? "open-id-only" : result.kind;
}

/**
 * The language to refuse in: the one the checkout was in when it asked Alipay (kept with the pending
 * state), else the shopper's remembered or browser language, as pages outside the locale prefixes do.
 */
function refusalLocale(pending: string | undefined, request: Request): Locale {
  if (hasLocale(routing.locales, pending)) return pending;
  const cookie = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/.exec(request.headers.get("cookie") ?? "")?.[1];
  return negotiateLocale(cookie, request.headers.get("accept-language"));
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
  // Read before the answer is taken: a refused answer leaves the pending state, a taken one removes it.
  const locale = refusalLocale(session.alipayAuth?.locale, request);
  const result = await returnFromAlipay(ctx, session, url.searchParams, async (code) =>
    exchangeAuthCode(await alipayAppCredentials(app, ctx.db), code),
  );
  logger.info({
    event: "alipay.authorisation",
    outcome: result.kind,
    ...(result.kind === "failed" ? { exchange: result.outcome } : {}),
    ...(result.payment ? { payment: result.payment.ok ? "started" : result.payment.problem.code } : {}),
  });
  const t = await getTranslations({ locale, namespace: "alipayApp.refused" });
  if (result.kind === "malformed") return refuse(400, t("malformed"), locale);
  // Another browser's answer, a stale one, or one used already: nothing is changed, the shopper starts again.
  if (result.kind === "bad-state") return refuse(400, t("badState"), locale);
  await session.save();
  // 800107 has no wallet page to jump to: the order page hands its tradeNO to the in-app cashier.
  const target = result.payment?.ok
    ? localizedPath(`/orders/${result.payment.orderId}`, locale)
    : `${localizedPath("/checkout", locale)}?alipay=${checkoutNotice(result)}`;
  return new Response(null, { status: 303, headers: { Location: `${config.siteUrl}${target}`, ...NO_STORE } });
}
