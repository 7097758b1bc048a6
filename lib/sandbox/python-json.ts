/**
 * Writes a flat object of strings the way Python's `json.dumps` does with its defaults, which is how
 * QFPay writes notification bodies: `", "` and `": "` separators and every non-ASCII UTF-16 unit as
 * `\uXXXX`. A shop that re-serialises the body instead of hashing its bytes fails to verify it.
 */
export function pythonJsonDumps(fields: ReadonlyArray<readonly [string, string]>): string {
  const encode = (text: string) =>
    JSON.stringify(text).replace(/[\u007f-\uffff]/g, (char) => {
      const code = char.charCodeAt(0);
      // Python leaves DEL as it is; everything above it is escaped.
      return code === 0x7f ? char : `\\u${code.toString(16).padStart(4, "0")}`;
    });
  return `{${fields.map(([key, value]) => `${encode(key)}: ${encode(value)}`).join(", ")}}`;
}
