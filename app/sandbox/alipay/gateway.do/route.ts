import { getDb } from "@/lib/db/database";
import { getConfig } from "@/lib/env";
import { handleOpenApi } from "@/lib/sandbox/alipay/open-api";
import { sandboxAlipayKeys } from "@/lib/sandbox/alipay/keys";
import { readLimitedBody } from "@/lib/web/read-limited-body";

/** Alipay's open API requests are a handful of short fields. */
const MAX_BODY_BYTES = 16 * 1024;

function refuse(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** The sandbox's stand-in for Alipay's open API gateway (`alipay.system.oauth.token`); sandbox mode only. */
export async function POST(request: Request): Promise<Response> {
  if (getConfig().qfpay.environment !== "sandbox") return refuse(404, "Not Found");
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded"))
    return refuse(415, "Unsupported: Alipay's gateway takes a urlencoded form.");
  const body = await readLimitedBody(request, MAX_BODY_BYTES);
  if (body.oversized) return refuse(413, "Request body too large.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body.bytes);
  } catch {
    return refuse(400, "Bad request: the body is not UTF-8.");
  }
  const db = await getDb();
  return handleOpenApi(
    { db, keys: await sandboxAlipayKeys(db), now: new Date() },
    new URL(request.url),
    new URLSearchParams(text),
  );
}

export function GET(): Response {
  return new Response("Method not allowed.\n", { status: 405, headers: { Allow: "POST" } });
}
