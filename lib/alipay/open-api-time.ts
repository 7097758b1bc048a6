/**
 * Alipay's open API reads a request's `timestamp` (`yyyy-MM-dd HH:mm:ss`, no zone) as Beijing time
 * (UTC+8, no daylight saving). alipay-sdk writes it in the server's own zone, which on Vercel and most
 * hosts is UTC, eight hours off; the shop writes it itself from the instant, whatever TZ says.
 */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** The instant as Alipay's open API reads a timestamp: Beijing wall-clock time. */
export function openApiTimestamp(instant: Date): string {
  const beijing = new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString();
  return `${beijing.slice(0, 10)} ${beijing.slice(11, 19)}`;
}

/** The instant a timestamp of Alipay's open API names, or null for text that is not one. */
export function instantOfOpenApiTimestamp(text: string): Date | null {
  const parts = TIMESTAMP.exec(text);
  if (!parts) return null;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const instant = new Date(utc - BEIJING_OFFSET_MS);
  // 2026-02-31 and the like roll over: not a timestamp.
  return openApiTimestamp(instant) === text ? instant : null;
}
