import { isWellFormedActionCall, isWellFormedActionForm } from "./action-form-shape";
import { readLimitedBody } from "./read-limited-body";

/** Route handlers outside /api (the sandbox's API, control and stock endpoints, the admin's CSV): they answer methods themselves. */
const ROUTE_HANDLERS = /^\/(sandbox\/(qfpay\/|stock$)|admin\/orders\.csv$)/;
/** Pages are read with GET (HEAD, OPTIONS) and post their forms. */
const PAGE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST"]);

/** Next's own limit for a server action's body (`serverActions.bodySizeLimit`, 1 MB by default). */
const MAX_POST_BYTES = 1024 * 1024;

function refuse(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
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
 * site (Next aborts it by throwing), a body over the action size limit, and `$ACTION_*` fields or a
 * `Next-Action` body that React's decoder would throw on. Also, rather than a page rendered as if it
 * were a GET: a PUT or DELETE of a page (405), and a post to a page that is none of its forms (415).
 * Null lets the request through.
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
    return new Response("Method not allowed.\n", { status: 405, headers: { Allow: "GET, HEAD, POST", "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (request.method !== "POST") return null;

  if (isCrossSite(request.headers)) return refuse(403, "Forbidden: this form was sent from another site.");
  if (Number(request.headers.get("content-length") ?? "0") > MAX_POST_BYTES) return refuse(413, "Request body too large.");

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
  let wellFormed: boolean;
  try {
    if (multipart) {
      // The header as sent: a multipart boundary is case-sensitive.
      const form = await new Response(body.bytes, { headers: { "Content-Type": request.headers.get("content-type")! } }).formData();
      wellFormed = fetchAction ? isWellFormedActionCall(form) : isWellFormedActionForm(form);
    } else {
      wellFormed = isWellFormedActionCall(new TextDecoder().decode(body.bytes));
    }
  } catch {
    wellFormed = false; // a multipart body that does not parse
  }
  return wellFormed ? null : refuse(400, "Bad request: this form cannot be read.");
}
