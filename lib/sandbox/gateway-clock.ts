/**
 * Gateway time as QFPay writes it: `YYYY-MM-DD hh:mm:ss`, no offset, in the zone `txzone` names,
 * `+0800` by default (seed 001, txzone: "default time zone is Beijing time UTC+8"). The sandbox stamps
 * `sysdtm` and `paydtm` in UTC+8, as QFPay's samples do.
 */
export const DEFAULT_ZONE = "+0800";

const TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const ZONE = /^([+-])(\d{2})(\d{2})$/;

/** Minutes east of UTC for a `txzone` such as `+0800`; null unless it is a real offset (up to ±14:00). */
export function zoneOffsetMinutes(zone: string): number | null {
  const match = ZONE.exec(zone);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The wall-clock time in `zone` (UTC+8 unless told) at instant `at`. */
export function toGatewayTime(at: Date, zone = DEFAULT_ZONE): string {
  const shifted = new Date(at.getTime() + (zoneOffsetMinutes(zone) ?? 480) * 60_000);
  return (
    `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())} ` +
    `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`
  );
}

/**
 * The instant a gateway time names in `zone`; null when the text is not in the exact format or is not
 * a date on the calendar (2026-02-30, 24:00:00): QFPay's String(20) field takes no other spelling.
 */
export function fromGatewayTime(text: string, zone = DEFAULT_ZONE): Date | null {
  const match = TIME.exec(text);
  const offset = zoneOffsetMinutes(zone);
  if (!match || offset === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // Years before 1000 are no request time; a DATETIME column, where such a field plausibly lands, starts there.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59)
    return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000);
}
