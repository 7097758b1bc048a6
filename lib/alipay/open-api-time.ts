import { formatBeijingTime, parseBeijingTime } from "../beijing-time";

/**
 * Alipay's open API reads a request's `timestamp` (`yyyy-MM-dd HH:mm:ss`, no zone) as Beijing time
 * (UTC+8, no daylight saving). alipay-sdk writes it in the server's own zone, which on Vercel and most
 * hosts is UTC, eight hours off; the shop writes it itself from the instant, whatever TZ says.
 */

/** The instant as Alipay's open API reads a timestamp: Beijing wall-clock time. */
export function openApiTimestamp(instant: Date): string {
  return formatBeijingTime(instant);
}

/** The instant a timestamp of Alipay's open API names, or null for text that is not one. */
export function instantOfOpenApiTimestamp(text: string): Date | null {
  return parseBeijingTime(text);
}
