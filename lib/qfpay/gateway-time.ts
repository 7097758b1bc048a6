import { formatBeijingTime, parseBeijingTime } from "../beijing-time";

/**
 * QFPay writes times as `YYYY-MM-DD hh:mm:ss` with no offset, in the zone of `txzone` (default +0800).
 * The shop sends every time in UTC+8 and leaves `txzone` at its default.
 */
export function formatGatewayTime(at: Date): string {
  return formatBeijingTime(at);
}

/** Reads a gateway time as UTC+8; null when it is not a real date in that exact format. */
export function parseGatewayTime(text: string): Date | null {
  // A DATETIME column starts at the year 1000: nothing earlier is a time QFPay keeps.
  if (Number(text.slice(0, 4)) < 1000) return null;
  return parseBeijingTime(text);
}
