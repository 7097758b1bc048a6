// A number and the unit after it ("100 g", "120 ml"); the space between them is the one that must not break.
const NUMBER_AND_UNIT = /(\d)\s+(g|kg|ml|l|cm|mm)\b/g;

/**
 * The text with a no-break space between each number and its unit, so a narrow screen never leaves "g"
 * alone on the next line. What a shopper reads is unchanged, and so is what a screen reader says.
 */
export function keepUnits(text: string): string {
  return text.replace(NUMBER_AND_UNIT, "$1\u00a0$2");
}
