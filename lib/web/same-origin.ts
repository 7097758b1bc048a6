/**
 * For route handlers that act on a cookie: refuse requests another site's page made. Browsers send
 * `Origin` on cross-origin fetches and `Sec-Fetch-Site` on everything; a request with neither (curl, a
 * server) carries no victim's cookie to abuse.
 */
export function isCrossSiteRequest(headers: Headers, siteUrl: string): boolean {
  const origin = headers.get("origin");
  if (origin && origin !== new URL(siteUrl).origin) return true;
  const fetchSite = headers.get("sec-fetch-site");
  return fetchSite === "cross-site" || fetchSite === "same-site";
}
