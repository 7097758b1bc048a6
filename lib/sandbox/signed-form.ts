import { SANDBOX_APP_CODE, SANDBOX_CLIENT_KEY } from "./credentials";
import { signAlgorithmOf, signatureMatches, type FormFields } from "./request-signature";
import { refusal, RESPONSE, type Refusal } from "./response-codes";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a request as QFPay does (qfpay-api.md, "Signing a request"): a UTF-8 form body signed with the
 * app's client key. Anything it cannot read is a 1103, anything not signed right a 1108, an empty field
 * (the docs: "never send (or sign) an empty field") or one holding a NUL a 1104.
 */
export async function readSignedForm(
  request: Request,
): Promise<{ ok: true; fields: FormFields } | ({ ok: false } & Refusal)> {
  const refuse = (respcd: string, resperr: string) => ({ ok: false as const, ...refusal(respcd, resperr) });
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    return refuse(RESPONSE.formatError, "body must be application/x-www-form-urlencoded");
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) return refuse(RESPONSE.formatError, "request body too large");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuse(RESPONSE.formatError, "request body is not UTF-8");
  }
  const fields: FormFields = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(fields, name)) return refuse(RESPONSE.formatError, `parameter ${name} sent twice`);
    fields[name] = value;
  }

  if (request.headers.get("x-qf-appcode") !== SANDBOX_APP_CODE)
    return refuse(RESPONSE.signatureError, "unknown X-QF-APPCODE");
  const algorithm = signAlgorithmOf(request.headers.get("x-qf-signtype"));
  if (!algorithm) return refuse(RESPONSE.signatureError, "unknown X-QF-SIGNTYPE");
  if (!signatureMatches(fields, request.headers.get("x-qf-sign"), SANDBOX_CLIENT_KEY, algorithm)) {
    return refuse(RESPONSE.signatureError, "signature error");
  }
  for (const [name, value] of Object.entries(fields)) {
    if (value === "") return refuse(RESPONSE.parameterError, `parameter ${name} is empty`);
    // No QFPay parameter holds a NUL, and PostgreSQL refuses one in a query: a bad field, not a 500.
    if (value.includes("\u0000")) return refuse(RESPONSE.parameterError, `parameter ${name} holds a NUL character`);
  }
  return { ok: true, fields };
}
