import { z } from "zod";
import { getDb } from "@/lib/db/database";
import { getConfig } from "@/lib/env";
import { issueAuthCode } from "@/lib/sandbox/alipay/auth-codes";
import { authorizeRequestSchema, authorizeReturnUrl } from "@/lib/sandbox/alipay/authorize-request";
import { readLimitedBody } from "@/lib/web/read-limited-body";

function refuse(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** "allow-open-id": allowed, answered as Alipay answers an app on OpenID (created since 2023): open_id only. */
const answerSchema = z.object({ answer: z.enum(["allow", "allow-open-id", "deny"]) });

/**
 * The sandbox authorisation page's Allow and Deny: a plain form post answered with a redirect, so that the
 * browser goes back to the shop's redirect_uri as a whole new page, as it does from Alipay's own domain (a
 * server action's redirect would be followed by the shop's client router instead, which no real Alipay does).
 */
export async function POST(request: Request): Promise<Response> {
  const config = getConfig();
  if (config.qfpay.environment !== "sandbox") return refuse(404, "Not Found");
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded")) return refuse(415, "Unsupported: a form is expected.");
  const body = await readLimitedBody(request, 4096);
  if (body.oversized) return refuse(413, "Request body too large.");
  const form = new URLSearchParams(new TextDecoder().decode(body.bytes));
  const names = ["app_id", "scope", "redirect_uri", "state", "answer"];
  if ([...form.keys()].some((name) => !names.includes(name) || form.getAll(name).length > 1))
    return refuse(400, "Bad request: unknown or repeated fields.");
  const fields = Object.fromEntries(form);
  const parsed = authorizeRequestSchema(() => config.siteUrl).safeParse(fields);
  const answer = answerSchema.safeParse(fields);
  if (!parsed.success || !answer.success) return refuse(400, "Bad request: not an authorisation this page offers.");
  const code =
    answer.data.answer === "deny"
      ? null
      : await issueAuthCode(
          await getDb(),
          parsed.data.app_id,
          parsed.data.scope,
          new Date(),
          answer.data.answer === "allow-open-id" ? "open_id" : "user_id",
        );
  return new Response(null, {
    status: 303,
    headers: { Location: authorizeReturnUrl(parsed.data, code), "Cache-Control": "no-store" },
  });
}

export function GET(): Response {
  return new Response("Method not allowed.\n", { status: 405, headers: { Allow: "POST" } });
}
