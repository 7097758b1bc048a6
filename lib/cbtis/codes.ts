/**
 * What CBTIS answers when the intent asked for does not exist. The seed documents no error codes: the
 * shop ASSUMES (docs/cbtis.md) the answer carries code 404, in the body or as its HTTP status, as the
 * built-in stand-in does. Any other refusal of a query leaves the payment unknown, never absent, so a
 * wrong guess here delays a failed attempt's closing; it never closes a paid one.
 */
export const INTENT_NOT_FOUND_CODES: ReadonlySet<string> = new Set(["404"]);

export function isIntentNotFound(code: string): boolean {
  return INTENT_NOT_FOUND_CODES.has(code);
}
