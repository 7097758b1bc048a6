/**
 * Beijing wall-clock time (UTC+8, no daylight saving), written `YYYY-MM-DD hh:mm:ss` with no zone: how
 * QFPay's gateway (txzone's default) and Alipay's open API both write an instant. One rule for both, so
 * that the shop never reads one provider's time eight hours off the other's.
 */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** The instant as Beijing wall-clock time, whatever the server's zone. */
export function formatBeijingTime(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** The instant a Beijing wall-clock time names; null unless it is a real date and time in that exact format. */
export function parseBeijingTime(text: string): Date | null {
  const parts = WALL_CLOCK.exec(text);
  if (!parts) return null;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const instant = new Date(Date.UTC(year, month - 1, day, hour, minute, second) - BEIJING_OFFSET_MS);
  // 2026-02-31, 24:00:00 and the like roll over: not a time.
  return formatBeijingTime(instant) === text ? instant : null;
}
