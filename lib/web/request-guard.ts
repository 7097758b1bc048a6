import { readLimitedBody } from "./read-limited-body";
import { isUndecodableActionBody } from "./undecodable-action-body";

/**
 * Route handlers outside /api (the sandbox's API, control and stock endpoints, its stand-ins for Alipay's
 * open API gateway and authorisation answer, the admin's CSV): they answer methods themselves.
 */
const ROUTE_HANDLERS =
  /^\/(sandbox\/(qfpay\/|cbtis\/(control$|mch-api\/)|alipay\/(gateway\.do|authorize\/answer)$|stock$)|admin\/orders\.csv$)/;
/** Pages are read with GET (HEAD, OPTIONS) and post their forms. */
const PAGE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST"]);

/**
 * The limit next.config.js gives Next for a server action's body (serverActions.bodySizeLimit): past it
 * Next throws, a 500. tests/unit/request-guard.test.ts holds this guard to next.config.js's number.
 */
const MAX_POST_BYTES = 1024 * 1024;

function refuse(status: number, text: string): Response {
  return new Response(`${text}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * Next's own test for a server action from another site (Origin against the Host it was sent to),
 * made here first so that it answers 403 rather than Next's throw. Not lib/same-origin.ts: that one
 * holds route handlers to SITE_URL, and a stricter test here would refuse forms Next accepts.
 */
function isCrossSite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (a sandboxed frame, a file) or no URL at all
  }
}

/**
 * Requests Next itself would answer with a 500, refused here (from the proxy, before Next routes them)
 * with the 4xx they deserve: a path whose %-escapes do not decode, a server action posted from another
 * site (Next aborts it by throwing), a body over the action size limit (Next throws there too), and a
 * multipart body that is not multipart at all. Also, rather than a page rendered as if it were a GET: a
 * PUT or DELETE of a page (405), and a post to a page that is none of its forms (415).
 *
 * The guard judges public facts: the method, headers, the byte count and the multipart standard, not
 * what the fields of an action mean. Those are React's private encoding, which may change with any React
 * release, and a guard that reads it would then refuse every valid form. Next itself answers an action id
 * that is malformed (400) or not in this build (409). A well-formed body naming a real action whose
 * arguments React cannot decode is still a 500 in Next 16.4 (vercel/next.js#86945): it throws before the
 * action runs, so nothing changes, and no public hook can change that status. Neither a catch in the
 * action (it never starts), onRequestError (it only observes), nor unstable_rethrow (it is for the
 * action's own catch blocks) reaches it; the fix belongs in Next. Until then a separate, fail-open stopgap
 * (lib/web/undecodable-action-body.ts), asked last, refuses the bodies it positively knows React's current
 * decoder throws on and lets through anything it does not recognise, so an upgrade of React can at worst
 * bring back a 500, never refuse a valid form. Null lets the request through.
 */
export async function refuseBadRequest(request: Request): Promise<Response | null> {
  const url = new URL(request.url);
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return refuse(400, "Bad request: the path is not valid percent-encoding.");
  }
  if (url.pathname.startsWith("/api/")) return null;
  const page = !ROUTE_HANDLERS.test(url.pathname);
  if (page && !PAGE_METHODS.has(request.method)) {
    return new Response("Method not allowed.\n", {
      status: 405,
      headers: { Allow: "GET, HEAD, POST", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  if (request.method !== "POST") return null;

  if (isCrossSite(request.headers)) return refuse(403, "Forbidden: this form was sent from another site.");
  if (Number(request.headers.get("content-length") ?? "0") > MAX_POST_BYTES)
    return refuse(413, "Request body too large.");

  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  const fetchAction = request.headers.has("next-action");
  const multipart = contentType.startsWith("multipart/form-data");
  // A page takes only its own forms (multipart without JavaScript, Next-Action with it); Next would
  // render anything else as if it were a GET.
  if (page && !fetchAction && !multipart) return refuse(415, "Unsupported: this page only takes its own forms.");
  if (!fetchAction && !multipart) return null;
  // Read to the limit and no further: a chunked body has no Content-Length to be judged by above.
  const body = await readLimitedBody(request.clone(), MAX_POST_BYTES, { drain: true });
  if (body.oversized) return refuse(413, "Request body too large.");
  let decoded: string | FormData;
  if (multipart) {
    try {
      // The header as sent: a multipart boundary is case-sensitive.
      decoded = await new Response(body.bytes, {
        headers: { "Content-Type": request.headers.get("content-type")! },
      }).formData();
    } catch {
      return refuse(400, "Bad request: this form cannot be read.");
    }
  } else {
    decoded = new TextDecoder().decode(body.bytes);
  }
  // The public facts are judged; what follows is a fail-open stopgap for vercel/next.js#86945, reading
  // React's private encoding only to refuse bodies it knows React throws on (lib/web/undecodable-action-body.ts).
  if (page && isUndecodableActionBody(decoded, fetchAction))
    return refuse(400, "Bad request: this form cannot be read.");
  return null;
}
