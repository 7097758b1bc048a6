// Letters and digits of any script (seed 001: "UTF-8 encoded if it is written in Chinese"), the marks
// that some scripts (Thai, Devanagari) write letters with, and the plain space between words.
const WORD_CHARACTERS = /^[\p{L}\p{M}\p{N} ]+$/u;
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * goods_name (seed 001/004): "Cannot exceed 20 alphanumeric or contain special characters", in a
 * String(64) field. Read strictly: at most 20 characters, nothing but letters, digits and spaces, at
 * most 64 bytes of UTF-8 (20 characters of four bytes would not fit), and not blank, since a name of
 * spaces names nothing. Returns why it is refused, or null.
 */
export function goodsNameProblem(value: string): string | null {
  if ([...value].length > 20) return "goods_name must be at most 20 characters";
  if (!WORD_CHARACTERS.test(value)) return "goods_name may hold only letters, digits and spaces";
  if (!HAS_WORD.test(value)) return "goods_name must name something, not only spaces";
  if (Buffer.byteLength(value, "utf8") > 64) return "goods_name must fit in 64 bytes of UTF-8";
  return null;
}
