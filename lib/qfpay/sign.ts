import { createHash } from "node:crypto";

export type SignType = "MD5" | "SHA256";

/** A request's parameters as they go on the wire: every value already a string. */
export type QfpayParams = Record<string, string>;

/**
 * QFPay signs only the parameters that carry a value, and the same set must be sent: an empty field
 * sent but not signed (or signed but not sent) is a 1108 at the gateway.
 */
export function compactParams(params: Record<string, string | number | null | undefined>): QfpayParams {
  const out: QfpayParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const text = String(value);
    if (text === "") continue;
    out[name] = text;
  }
  return out;
}

/** `k=v` pairs sorted by name in ASCII order, raw values, joined by `&` (the seeds' make_req_sign). */
export function canonicalString(params: QfpayParams): string {
  return Object.keys(params)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${name}=${params[name]}`)
    .join("&");
}

export function signParams(params: QfpayParams, clientKey: string, signType: SignType = "MD5"): string {
  const algorithm = signType === "SHA256" ? "sha256" : "md5";
  return createHash(algorithm)
    .update(canonicalString(params) + clientKey, "utf8")
    .digest("hex")
    .toUpperCase();
}
