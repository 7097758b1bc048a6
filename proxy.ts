import { NextResponse, type NextRequest } from "next/server";
import createIntlMiddleware from "next-intl/middleware";
import { routing } from "@/i18n/routing";
import { configurationProblem, getConfig } from "@/lib/env";
import { leaveDefaultLocaleToConfig } from "@/lib/web/default-locale-rewrite";
import { refuseBadRequest } from "@/lib/web/request-guard";
import { setupProblemResponse } from "@/lib/web/setup-problem-response";

/**
 * Refuses the malformed requests Next would answer with a 500 (lib/web/request-guard.ts); while the
 * configuration is wrong, answers every request with what to set (503); then gives each
 * page a fresh nonce and a Content-Security-Policy that only lets this page's own scripts run. Next
 * reads the nonce from the request's CSP header and puts it on every script it renders. Pages then go
 * through next-intl's routing: the locale from the path, else the NEXT_LOCALE cookie, else Accept-Language;
 * a Chinese visitor at the root is redirected to /zh-HK or /zh-CN, English is served at the root itself.
 */
const localize = createIntlMiddleware(routing);

/**
 * Paths that keep one address in every language: route handlers (the sandbox's API, its stock and control
 * endpoints, the admin's CSV) and the sandbox's pages, whose pay_url the sandbox gateway builds itself.
 */
const UNLOCALIZED = /^\/(?:api|sandbox|_next)(?:\/|$)|^\/admin\/orders\.csv$/;

export async function proxy(request: NextRequest) {
  const refused = await refuseBadRequest(request);
  if (refused) return refused;
  const problem = configurationProblem();
  if (problem) return setupProblemResponse(problem, request.nextUrl.pathname);
  // Route handlers answer JSON or text: no scripts, no policy needed.
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const development = process.env.NODE_ENV === "development";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // React and the QR code set style attributes; no style can run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Without JavaScript a server action's redirect to the wallet's pay_url is a form navigation.
    "form-action 'self' https:",
    "frame-ancestors 'none'",
    ...(request.nextUrl.protocol === "https:" ? ["upgrade-insecure-requests"] : []),
  ].join("; ");

  let response: NextResponse;
  if (UNLOCALIZED.test(request.nextUrl.pathname)) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else if (/[\u0000-\u001f\u007f]/.test(decodeURIComponent(request.nextUrl.pathname))) {
    // A path with a control character is no page: next-intl would redirect it to a cleaned-up one (a 3xx);
    // served as it is (English, by next.config.js's rewrite), it is the 404 it deserves.
    request.headers.set("x-nonce", nonce);
    request.headers.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers: request.headers } });
  } else {
    // next-intl forwards the request's own headers to the page it serves, so the nonce is set on the request
    // itself. A copy of the request would not do: its URL is the server's internal one, and next-intl's
    // rewrite to it would be taken for another host.
    request.headers.set("x-nonce", nonce);
    request.headers.set("Content-Security-Policy", policy);
    response = localize(request);
    leaveDefaultLocaleToConfig(response, request.nextUrl.pathname, routing.defaultLocale);
  }
  response.headers.set("Content-Security-Policy", policy);
  // Decided now, not at build time: the shop is https whenever its public origin is.
  if (getConfig().siteUrl.startsWith("https://"))
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  matcher: [
    {
      // /api too, for the guard: /api/orders/%ZZ/status is a 500 in Next's own router otherwise. Not the
      // fixed paths of QFPay's notifications and the probes (the hottest routes): no bad escape can match
      // them. Not the public files by their exact shape; any other path, whatever it ends with, is guarded
      // (an action posted to /x.csv or /x.png is a 500 in Next otherwise).
      // Prefetches too: the English root is a rewrite to /en, which a prefetch needs as much as a visit.
      source:
        "/((?!_next/static/|_next/image|api/(?:qfpay/notify|ping|health)$|products/[a-z0-9-]+\\.svg$|icon\\.svg$|robots\\.txt$|favicon\\.ico$).*)",
    },
  ],
};
