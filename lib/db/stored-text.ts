/**
 * Bytes from outside as text PostgreSQL can keep: invalid UTF-8 replaced, NUL (which a text column
 * refuses) replaced, and cut to `maxChars`.
 */
export function storedText(raw: Uint8Array, maxChars: number): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(raw).replaceAll("\u0000", "\uFFFD").slice(0, maxChars);
}
