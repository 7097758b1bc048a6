/** Small readings of QFPay's field types (seed 001/004), shared by the endpoints' parameter rules. */

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * Identifiers (out_trade_no, udid, syssn): the docs give only a length, String(n). The sandbox also
 * keeps them to visible ASCII, as every QFPay sample is, so that a length in characters is a length
 * in bytes and no space or control character can hide in a merchant's reference.
 */
export function isIdentifier(value: string, max: number): boolean {
  return value.length <= max && VISIBLE_ASCII.test(value);
}

export function utf8Length(value: string): number {
  return Buffer.byteLength(value, "utf8");
}

/** Int(11) as QFPay prints it: digits, no sign, no leading zero, within a signed 32-bit integer. */
export function readPositiveInt(value: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(value)) return null;
  const number = Number(value);
  return number <= 2_147_483_647 ? number : null;
}

/**
 * return_url and notify_url: String(512) and String(256) columns, counted in UTF-8 bytes (the stricter
 * count for a non-ASCII address); an absolute http(s) address, the only kind a browser can be sent to
 * or a notification posted to.
 */
export function isWebAddress(value: string, maxBytes: number): boolean {
  if (utf8Length(value) > maxBytes) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
