import "server-only";
import { createSign, createVerify, randomBytes } from "node:crypto";
import { ALIPAY_USER_ID } from "../../alipay/authorize-url";
import { instantOfOpenApiTimestamp, openApiTimestamp } from "../../alipay/open-api-time";
import type { Db } from "../../db/connection";
import { redeemAuthCode } from "./auth-codes";
import { SANDBOX_ALIPAY_APP_ID } from "./credentials";
import type { SandboxAlipayKeys } from "./keys";

/**
 * The sandbox's reading of Alipay's open API gateway (`gateway.do`), for the one method the shop calls:
 * `alipay.system.oauth.token`. Requests are checked as Alipay checks them (every parameter but `sign`,
 * those with a value, sorted, `k=v` joined by `&`, SHA256withRSA with the app's public key); answers are
 * signed as Alipay signs them: its private key over the exact JSON text of the `..._response` member.
 */
export interface OpenApiContext {
  db: Db;
  keys: SandboxAlipayKeys;
  now: Date;
}

const METHOD = "alipay.system.oauth.token";
const RESPONSE_KEY = "alipay_system_oauth_token_response";

/** An open-API parameter: short text without control characters. */
const PARAMETER = /^[^\u0000-\u001f\u007f]{1,2048}$/;

function json(body: string, status = 200): Response {
  return new Response(body, { status, headers: { "Content-Type": "application/json; charset=utf-8" } });
}

/** Alipay's answer: the member named after the method (or error_response), and its signature. */
function signedAnswer(ctx: OpenApiContext, key: string, content: Record<string, unknown>, status = 200): Response {
  const text = JSON.stringify(content);
  const sign = createSign("RSA-SHA256").update(text, "utf8").sign(ctx.keys.alipayPrivateKey, "base64");
  return json(`{"${key}":${text},"sign":"${sign}"}`, status);
}

/**
 * Alipay's error answer, with its body as Alipay writes it. Alipay sends it with HTTP 200; the sandbox
 * sends 400, so that whatever probes it sees a refusal for what it is (the shop's client reads both alike).
 */
function error(ctx: OpenApiContext, code: string, msg: string, subCode: string, subMsg: string): Response {
  return signedAnswer(ctx, "error_response", { code, msg, sub_code: subCode, sub_msg: subMsg }, 400);
}

/**
 * How far a request's timestamp may stray from the gateway's clock. Alipay refuses a stale or
 * far-future timestamp; the window is the sandbox's assumption, wide enough for honest clock drift and
 * far narrower than the eight hours a server writing UTC would be off.
 */
const TIMESTAMP_WINDOW_MS = 15 * 60_000;

export function signContent(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name !== "sign" && params[name] !== "")
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join("&");
}

/** One open-API request: the URL's parameters and the form's, as Alipay reads both. */
export async function handleOpenApi(ctx: OpenApiContext, url: URL, form: URLSearchParams): Promise<Response> {
  const params: Record<string, string> = {};
  for (const source of [url.searchParams, form]) {
    for (const [name, value] of source) {
      // A parameter sent twice, or one no request of Alipay's could carry, is no request at all.
      if (Object.hasOwn(params, name) || !/^[a-z_]{1,40}$/.test(name) || !PARAMETER.test(value))
        return error(ctx, "40002", "Invalid Arguments", "isv.invalid-parameter", `bad parameter ${name.slice(0, 40)}`);
      params[name] = value;
    }
  }
  for (const name of ["app_id", "method", "charset", "sign_type", "sign", "timestamp", "version"]) {
    if (!params[name])
      return error(
        ctx,
        "40001",
        "Missing Required Arguments",
        `isv.missing-${name.replace("_", "-")}`,
        `${name} is missing`,
      );
  }
  if (params.app_id !== SANDBOX_ALIPAY_APP_ID)
    return error(ctx, "40002", "Invalid Arguments", "isv.invalid-app-id", "no such app_id");
  if (params.sign_type !== "RSA2")
    return error(ctx, "40002", "Invalid Arguments", "isv.invalid-signature-type", "sign_type must be RSA2");
  const stamped = instantOfOpenApiTimestamp(params.timestamp!);
  if (!stamped)
    return error(ctx, "40002", "Invalid Arguments", "isv.invalid-timestamp", "timestamp is not yyyy-MM-dd HH:mm:ss");
  if (Math.abs(stamped.getTime() - ctx.now.getTime()) > TIMESTAMP_WINDOW_MS)
    return error(
      ctx,
      "40002",
      "Invalid Arguments",
      "isv.invalid-timestamp",
      "timestamp is not Beijing time now (UTC+8)",
    );
  let signed = false;
  try {
    signed = createVerify("RSA-SHA256")
      .update(signContent(params), "utf8")
      .verify(ctx.keys.appPublicKey, params.sign!, "base64");
  } catch {
    signed = false;
  }
  if (!signed)
    return error(ctx, "40002", "Invalid Arguments", "isv.invalid-signature", "the signature does not verify");
  if (params.method !== METHOD)
    return error(
      ctx,
      "40002",
      "Invalid Arguments",
      "isv.invalid-method",
      "the sandbox knows alipay.system.oauth.token only",
    );
  if (params.grant_type !== "authorization_code")
    return error(ctx, "40002", "Invalid Arguments", "isv.grant-type-invalid", "grant_type must be authorization_code");
  const userId = params.code ? await redeemAuthCode(ctx.db, params.code, params.app_id, ctx.now) : null;
  if (!userId) return error(ctx, "40002", "Invalid Arguments", "isv.code-invalid", "the auth code is not valid");
  return signedAnswer(ctx, RESPONSE_KEY, {
    ...(ALIPAY_USER_ID.test(userId) ? { user_id: userId } : { open_id: userId }),
    access_token: `authbseB${randomBytes(16).toString("hex")}`,
    expires_in: 1_296_000,
    refresh_token: `authbseB${randomBytes(16).toString("hex")}`,
    re_expires_in: 2_592_000,
    auth_start: openApiTimestamp(ctx.now),
  });
}
