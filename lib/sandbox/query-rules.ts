import { unknownField } from "./field-presence";
import { DEFAULT_ZONE, fromGatewayTime, toGatewayTime, zoneOffsetMinutes } from "./gateway-clock";
import { monthContaining, sameMonth, type MonthRange } from "./query-month";
import type { FormFields } from "./request-signature";
import { badParameter, type Refusal } from "./response-codes";

/** qfpay-api.md, "POST /trade/v1/query": every parameter is optional. */
const KNOWN: ReadonlySet<string> = new Set([
  "syssn",
  "out_trade_no",
  "pay_type",
  "respcd",
  "start_time",
  "end_time",
  "txzone",
  "page",
  "page_size",
  "mchid",
]);

export interface QuerySearch {
  range: MonthRange;
  page: number;
  pageSize: number;
  syssns?: string[];
  outTradeNos?: string[];
  payTypes?: string[];
  respcd?: string;
}

/** "each may be a comma list" */
function list(value: string | undefined): string[] | undefined {
  return value
    ?.split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

function wholeNumber(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : NaN;
}

/**
 * The search a query asks for, or why QFPay would refuse it. The range filters `sysdtm`: the current
 * month when none is given; one end given, the rest of that end's month; never across a calendar month,
 * and (the stricter reading of "a range") never ending before it starts.
 */
export function readQuery(fields: FormFields, now: Date): QuerySearch | Refusal {
  const unknown = unknownField(fields, KNOWN);
  if (unknown) return unknown;
  if (fields.mchid !== undefined) return badParameter("mchid was not issued to this app_code");
  const page = wholeNumber(fields.page, 1);
  const pageSize = wholeNumber(fields.page_size, 10);
  if (!(page >= 1)) return badParameter("page must be a whole number from 1");
  if (!(pageSize >= 1 && pageSize <= 100)) return badParameter("page_size must be a whole number from 1 to 100");
  if (fields.txzone !== undefined && zoneOffsetMinutes(fields.txzone) === null)
    return badParameter("txzone must be an offset such as +0800");
  if (fields.respcd !== undefined && !/^\d{4}$/.test(fields.respcd))
    return badParameter("respcd must be a four-digit code");
  const payTypes = list(fields.pay_type);
  if (payTypes?.some((code) => !/^\d{6}$/.test(code))) return badParameter("pay_type must be six-digit codes");

  const zone = fields.txzone ?? DEFAULT_ZONE;
  for (const field of ["start_time", "end_time"] as const) {
    const value = fields[field];
    if (value !== undefined && fromGatewayTime(value, zone) === null)
      return badParameter(`${field} must be a real time written YYYY-MM-DD hh:mm:ss`);
  }
  const anchor = fields.start_time ?? fields.end_time ?? toGatewayTime(now, zone);
  const month = monthContaining(anchor);
  const range = { start: fields.start_time ?? month.start, end: fields.end_time ?? month.end };
  if (!sameMonth(range.start, range.end))
    return badParameter("start_time and end_time must fall in the same calendar month");
  if (range.start > range.end) return badParameter("start_time must not be after end_time");

  // The range is read in the query's zone; the sandbox stamps sysdtm in UTC+8.
  const inUtc8 = (time: string) => toGatewayTime(fromGatewayTime(time, zone)!);
  return {
    range: { start: inUtc8(range.start), end: inUtc8(range.end) },
    page,
    pageSize,
    syssns: list(fields.syssn),
    outTradeNos: list(fields.out_trade_no),
    payTypes,
    respcd: fields.respcd,
  };
}
