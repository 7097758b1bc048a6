import { signParams, type QfpayParams } from "../qfpay/sign";
import { SANDBOX_APP_CODE, SANDBOX_CLIENT_KEY } from "./credentials";

export interface GatewayRefusal {
  respcd: string;
  resperr: string;
}

const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a request as QFPay does: a form body signed with the app's client key. Anything it cannot
 * read is a 1103, anything not signed right a 1108, an empty field (or one holding a NUL) a 1104.
 */
export async function readSignedForm(request: Request): Promise<{ ok: true; params: QfpayParams } | ({ ok: false } & GatewayRefusal)> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    return { ok: false, respcd: "1103", resperr: "body must be application/x-www-form-urlencoded" };
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) return { ok: false, respcd: "1103", resperr: "request body too large" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, respcd: "1103", resperr: "request body is not UTF-8" };
  }
  const params: QfpayParams = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(params, name)) return { ok: false, respcd: "1103", resperr: `parameter ${name} sent twice` };
    params[name] = value;
  }

  if (request.headers.get("x-qf-appcode") !== SANDBOX_APP_CODE) {
    return { ok: false, respcd: "1108", resperr: "unknown X-QF-APPCODE" };
  }
  const signType = (request.headers.get("x-qf-signtype") ?? "MD5").toUpperCase();
  if (signType !== "MD5" && signType !== "SHA256") return { ok: false, respcd: "1108", resperr: "unknown X-QF-SIGNTYPE" };
  const sign = request.headers.get("x-qf-sign") ?? "";
  if (sign.toUpperCase() !== signParams(params, SANDBOX_CLIENT_KEY, signType)) {
    return { ok: false, respcd: "1108", resperr: "signature error" };
  }
  for (const [name, value] of Object.entries(params)) {
    if (value === "") return { ok: false, respcd: "1104", resperr: `parameter ${name} is empty` };
    // No QFPay parameter holds a NUL, and PostgreSQL refuses one in a query: a bad field, not a 500.
    if (value.includes("\u0000")) return { ok: false, respcd: "1104", resperr: `parameter ${name} holds a NUL character` };
  }
  return { ok: true, params };
}
