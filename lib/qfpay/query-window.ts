import { formatGatewayTime, parseGatewayTime } from "./gateway-time";

/** A `/trade/v1/query` range: QFPay filters on `sysdtm` and never searches across a calendar month. */
export interface QueryWindow {
  start_time: string;
  end_time: string;
}

/** The whole calendar month (gateway time) that a `YYYY-MM-DD hh:mm:ss` falls in. */
export function monthWindow(gatewayTime: string): QueryWindow {
  const [year, month] = gatewayTime.slice(0, 7).split("-").map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = gatewayTime.slice(0, 7);
  return { start_time: `${prefix}-01 00:00:00`, end_time: `${prefix}-${String(lastDay).padStart(2, "0")} 23:59:59` };
}

/** How far QFPay's `sysdtm` may stand from the shop's `txdtm`: clock skew and the request's own time. */
const BOUNDARY_MARGIN_MS = 60 * 60_000;

/**
 * The months to search for a transaction the shop sent at `txdtm`: its month, and the next (or the
 * previous) one too when `txdtm` is within an hour of a month's end (or start). A payment sent at 23:59:59
 * on the 31st may be stamped 00:00:01 on the 1st by QFPay, and would be reported absent otherwise.
 */
export function queryWindowsFor(txdtm: string): QueryWindow[] {
  const at = parseGatewayTime(txdtm);
  if (!at) return [monthWindow(txdtm)];
  const months = [at.getTime() - BOUNDARY_MARGIN_MS, at.getTime(), at.getTime() + BOUNDARY_MARGIN_MS].map((ms) =>
    formatGatewayTime(new Date(ms)),
  );
  const unique = [...new Set(months.map((time) => time.slice(0, 7)))];
  return unique.map((prefix) => monthWindow(`${prefix}-01 00:00:00`));
}
