import { and, desc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import { sandboxTransactions } from "../db/schema/sandbox";
import { formatGatewayTime, parseGatewayTime } from "../qfpay/gateway-time";
import type { QfpayParams } from "../qfpay/sign";
import { SANDBOX_APP_CODE } from "./credentials";
import { payTransaction, expireOverdue, type PayContext, type Transaction } from "./transactions";
import { monthWindow } from "../qfpay/query-window";

const KNOWN = new Set(["syssn", "out_trade_no", "pay_type", "respcd", "start_time", "end_time", "txzone", "page", "page_size", "mchid"]);

type Answer = Record<string, unknown> & { respcd: string };

function list(value: string | undefined): string[] | undefined {
  return value?.split(",").map((item) => item.trim()).filter(Boolean);
}

function monthBounds(gatewayTime: string): [string, string] {
  const window = monthWindow(gatewayTime);
  return [window.start_time, window.end_time];
}

function item(tx: Transaction): Record<string, string> {
  return {
    syssn: tx.syssn,
    out_trade_no: tx.outTradeNo,
    order_type: tx.orderType,
    pay_type: tx.payType,
    txamt: String(tx.txamt),
    txcurrcd: tx.txcurrcd,
    txdtm: tx.txdtm,
    sysdtm: tx.sysdtm,
    paydtm: tx.paydtm ?? "",
    respcd: tx.respcd,
    errmsg: tx.respcd === "0000" ? "success" : "",
    cancel: tx.cancel,
    origssn: tx.origSyssn ?? "",
    chnlsn: "",
    cash_fee: "",
    cash_fee_type: "",
    exchange_rate: "",
  };
}

/**
 * `/trade/v1/query`. Like QFPay it filters on `sysdtm` within one calendar month (the current one by
 * default), so a shop that forgets the range never finds last month's payment.
 */
export async function handleQuery(ctx: PayContext, params: QfpayParams, now: Date): Promise<Answer> {
  const unknown = Object.keys(params).find((name) => !KNOWN.has(name));
  if (unknown) return { respcd: "1104", resperr: `unknown parameter ${unknown}`, respmsg: "" };
  if (params.mchid !== undefined) return { respcd: "1104", resperr: "mchid was not issued to this app_code", respmsg: "" };
  const page = params.page === undefined ? 1 : Number(params.page);
  const pageSize = params.page_size === undefined ? 10 : Number(params.page_size);
  if (!Number.isInteger(page) || page < 1) return { respcd: "1104", resperr: "page must be a whole number from 1", respmsg: "" };
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return { respcd: "1104", resperr: "page_size must be from 1 to 100", respmsg: "" };

  let [start, end] = monthBounds(formatGatewayTime(now));
  for (const field of ["start_time", "end_time"] as const) {
    const value = params[field];
    if (value !== undefined && parseGatewayTime(value) === null) return { respcd: "1104", resperr: `${field} must be YYYY-MM-DD hh:mm:ss`, respmsg: "" };
  }
  if (params.start_time || params.end_time) {
    const anchor = params.start_time ?? params.end_time!;
    [start, end] = monthBounds(anchor);
    if (params.start_time) start = params.start_time;
    if (params.end_time) end = params.end_time;
    if (start.slice(0, 7) !== end.slice(0, 7)) return { respcd: "1104", resperr: "start_time and end_time must be in the same month", respmsg: "" };
  }

  await expireOverdue(ctx.db, now);
  const filters: SQL[] = [eq(sandboxTransactions.appCode, SANDBOX_APP_CODE), gte(sandboxTransactions.sysdtm, start), lte(sandboxTransactions.sysdtm, end)];
  const syssns = list(params.syssn);
  const outTradeNos = list(params.out_trade_no);
  const payTypes = list(params.pay_type);
  if (syssns) filters.push(inArray(sandboxTransactions.syssn, syssns));
  if (outTradeNos) filters.push(inArray(sandboxTransactions.outTradeNo, outTradeNos));
  if (payTypes) filters.push(inArray(sandboxTransactions.payType, payTypes));
  if (params.respcd) filters.push(eq(sandboxTransactions.respcd, params.respcd));

  const select = () =>
    ctx.db
      .select()
      .from(sandboxTransactions)
      .where(and(...filters))
      .orderBy(desc(sandboxTransactions.sysdtm), desc(sandboxTransactions.syssn))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  let rows = await select();

  // A scripted 1143/1145 answers as pending for its count of queries, then settles.
  let settled = false;
  for (const row of rows) {
    if (row.pendingQueriesLeft === null) continue;
    if (row.pendingQueriesLeft > 0) {
      await ctx.db.update(sandboxTransactions).set({ pendingQueriesLeft: row.pendingQueriesLeft - 1 }).where(eq(sandboxTransactions.syssn, row.syssn));
    } else if (row.pendingSettle === "paid") {
      settled = (await payTransaction(ctx, row.syssn, now)) !== null || settled;
    }
  }
  if (settled) {
    rows = await select();
  }
  return { respcd: "0000", resperr: "", respmsg: "", page: String(page), page_size: String(pageSize), data: rows.map(item) };
}
