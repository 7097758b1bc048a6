/**
 * QFPay writes times as `YYYY-MM-DD hh:mm:ss` with no offset, in the zone of `txzone` (default +0800).
 * The shop sends every time in UTC+8 and leaves `txzone` at its default.
 */
const UTC8_MS = 8 * 60 * 60 * 1000;

export function formatGatewayTime(at: Date): string {
  return new Date(at.getTime() + UTC8_MS).toISOString().slice(0, 19).replace("T", " ");
}

const GATEWAY_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Reads a gateway time as UTC+8; null when it is not a real date in that exact format. */
export function parseGatewayTime(text: string): Date | null {
  const match = GATEWAY_TIME.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  // A DATETIME column starts at the year 1000: nothing earlier is a time QFPay keeps.
  if (y < 1000) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    check.getUTCHours() !== h ||
    check.getUTCMinutes() !== mi ||
    check.getUTCSeconds() !== s
  ) {
    return null;
  }
  return new Date(utc - UTC8_MS);
}
