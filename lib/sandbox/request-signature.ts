import { createHash, timingSafeEqual } from "node:crypto";

/** A request's form fields as the gateway received them: names and raw (decoded) values. */
export type FormFields = Record<string, string>;

/** `X-QF-SIGNTYPE`: MD5 when absent (qfpay-api.md, "Signing a request"). */
export type SignAlgorithm = "MD5" | "SHA256";

// Python's `keys.sort()` in the seeds' make_req_sign orders names by code point; comparing UTF-8 bytes
// gives that same order for any name, where JavaScript's default sort (UTF-16 units) would not.
function byCodePoint(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/**
 * The signature QFPay expects in `X-QF-SIGN`, read from seed 001/002's make_req_sign: every field as
 * `name=value` with the raw value (no URL encoding), sorted by name, joined by `&`, the client key
 * appended, hashed as UTF-8, hex in uppercase.
 */
export function requestSignature(fields: FormFields, clientKey: string, algorithm: SignAlgorithm): string {
  const names = Object.keys(fields).sort(byCodePoint);
  const text = names.map((name) => `${name}=${fields[name]}`).join("&") + clientKey;
  return createHash(algorithm === "SHA256" ? "sha256" : "md5")
    .update(text, "utf8")
    .digest("hex")
    .toUpperCase();
}

/**
 * Whether `sign` signs exactly these fields. The docs leave the case of the SHA-256 hex open ("send
 * uppercase, accept either"), so either case passes; anything else, a missing header included, fails.
 */
export function signatureMatches(
  fields: FormFields,
  sign: string | null,
  clientKey: string,
  algorithm: SignAlgorithm,
): boolean {
  if (sign === null) return false;
  const expected = Buffer.from(requestSignature(fields, clientKey, algorithm), "ascii");
  const given = Buffer.from(sign.toUpperCase(), "ascii");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Reads `X-QF-SIGNTYPE`; null for a value the docs do not name, which QFPay cannot check. */
export function signAlgorithmOf(header: string | null): SignAlgorithm | null {
  if (header === null) return "MD5";
  const name = header.trim().toUpperCase();
  return name === "MD5" || name === "SHA256" ? name : null;
}
