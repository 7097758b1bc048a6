import { and, desc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import { sandboxTransactions } from "../db/schema/sandbox";
import { SANDBOX_APP_CODE } from "./credentials";
import { readQuery } from "./query-rules";
import type { FormFields } from "./request-signature";
import { refusalAnswer, RESPONSE, type Answer } from "./response-codes";
import { PAID_STATE } from "./transaction-states";
import { payTransaction, expireOverdue, type PayContext, type Transaction } from "./transactions";

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
    errmsg: tx.respcd === PAID_STATE ? "success" : "",
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
export async function handleQuery(ctx: PayContext, params: FormFields, now: Date): Promise<Answer> {
  const search = readQuery(params, now);
  if ("resperr" in search) return refusalAnswer(search);
  const { range, page, pageSize, syssns, outTradeNos, payTypes } = search;

  await expireOverdue(ctx.db, now);
  const filters: SQL[] = [
    eq(sandboxTransactions.appCode, SANDBOX_APP_CODE),
    gte(sandboxTransactions.sysdtm, range.start),
    lte(sandboxTransactions.sysdtm, range.end),
  ];
  if (syssns) filters.push(inArray(sandboxTransactions.syssn, syssns));
  if (outTradeNos) filters.push(inArray(sandboxTransactions.outTradeNo, outTradeNos));
  if (payTypes) filters.push(inArray(sandboxTransactions.payType, payTypes));
  if (search.respcd) filters.push(eq(sandboxTransactions.respcd, search.respcd));

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
      await ctx.db
        .update(sandboxTransactions)
        .set({ pendingQueriesLeft: row.pendingQueriesLeft - 1 })
        .where(eq(sandboxTransactions.syssn, row.syssn));
    } else if (row.pendingSettle === "paid") {
      settled = (await payTransaction(ctx, row.syssn, now)) !== null || settled;
    }
  }
  if (settled) {
    rows = await select();
  }
  return {
    respcd: RESPONSE.success,
    resperr: "",
    respmsg: "",
    page: String(page),
    page_size: String(pageSize),
    data: rows.map(item),
  };
}
