import { fromGatewayTime, toGatewayTime } from "./gateway-clock";

/** A `sysdtm` range, both ends inclusive, in gateway time. */
export interface MonthRange {
  start: string;
  end: string;
}

/**
 * The calendar month (gateway time) that a gateway time falls in: `/trade/v1/query` searches one such
 * month at most, the current one when no range is given (qfpay-api.md, "POST /trade/v1/query").
 */
export function monthContaining(gatewayTime: string): MonthRange {
  const month = gatewayTime.slice(0, 7);
  const [year, number] = month.split("-").map(Number) as [number, number];
  const following =
    number === 12
      ? `${String(year + 1).padStart(4, "0")}-01`
      : `${month.slice(0, 5)}${String(number + 1).padStart(2, "0")}`;
  // The month's last second is the second before the next month starts: no table of month lengths.
  const nextStart = fromGatewayTime(`${following}-01 00:00:00`)!;
  return { start: `${month}-01 00:00:00`, end: toGatewayTime(new Date(nextStart.getTime() - 1_000)) };
}

/** Whether two gateway times fall in the same calendar month. */
export function sameMonth(a: string, b: string): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}
