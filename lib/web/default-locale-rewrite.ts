/**
 * next-intl serves an English page at the root by rewriting /cart to /en/cart in the proxy. Next 16 breaks
 * that rewrite on a server started on a loopback address (`next start -H 127.0.0.1`, as the tests and many
 * process managers start it): the proxy's URLs name the host `localhost`, the router compares them with
 * 127.0.0.1, takes the rewrite for another host's and answers it with a redirect to the same address,
 * forever (vercel/next.js#94745). So the proxy lets such a request through unchanged, and next.config.js's
 * own rewrite, which Next applies inside its router whatever the host, adds the /en. Everything else
 * next-intl decided (redirects, the locale cookie, the Link header, the request's headers) is kept.
 */
export function leaveDefaultLocaleToConfig(response: Response, pathname: string, defaultLocale: string): void {
  const rewrite = response.headers.get("x-middleware-rewrite");
  if (!rewrite) return;
  const expected = `/${defaultLocale}${pathname === "/" ? "" : pathname}`;
  if (new URL(rewrite).pathname !== expected) return;
  response.headers.delete("x-middleware-rewrite");
  response.headers.set("x-middleware-next", "1");
}
