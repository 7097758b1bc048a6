/**
 * Whether the share image's typeface (Figtree's latin files) has a glyph for every character of a text:
 * Latin letters and their accents, digits, punctuation and currency signs. Anything else (Chinese) would
 * make next/og fetch a font from Google at run time, which the shop never does.
 */
export function drawable(text: string): boolean {
  return /^[\u0020-\u007e\u00a0-\u017f\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u00d7]*$/u.test(text);
}
