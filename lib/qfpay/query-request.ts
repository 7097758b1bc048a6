import type { RequestProblem } from "./payment-request";

export interface QueryRequest {
  /** Each may be a comma-separated list. */
  syssn?: string;
  out_trade_no?: string;
  pay_type?: string;
  respcd?: string;
  /** `YYYY-MM-DD hh:mm:ss`, filtering on `sysdtm`; QFPay never searches across a calendar month. */
  start_time?: string;
  end_time?: string;
  txzone?: string;
  page?: number;
  page_size?: number;
}

const GATEWAY_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export function checkQueryRequest(request: QueryRequest): RequestProblem[] {
  const problems: RequestProblem[] = [];
  if (request.page !== undefined && (!Number.isInteger(request.page) || request.page < 1)) {
    problems.push({ field: "page", message: "page must be a whole number from 1" });
  }
  if (
    request.page_size !== undefined &&
    (!Number.isInteger(request.page_size) || request.page_size < 1 || request.page_size > 100)
  ) {
    problems.push({ field: "page_size", message: "page_size must be a whole number from 1 to 100" });
  }
  for (const field of ["start_time", "end_time"] as const) {
    const value = request[field];
    if (value !== undefined && !GATEWAY_TIME.test(value)) {
      problems.push({ field, message: `${field} must be written YYYY-MM-DD hh:mm:ss` });
    }
  }
  if (request.start_time && request.end_time && request.start_time.slice(0, 7) !== request.end_time.slice(0, 7)) {
    problems.push({ field: "end_time", message: "start_time and end_time must fall in the same calendar month" });
  } else if (request.start_time && request.end_time && request.start_time > request.end_time) {
    problems.push({ field: "end_time", message: "end_time must not come before start_time" });
  }
  return problems;
}
