import type { sandboxTransactions } from "../db/schema/sandbox";
import { acceptedPayType } from "./accepted-pay-types";
import { SANDBOX_MERCHANT_NAME } from "./credentials";
import { DECLINED_STATE, EXPIRED_STATE, stateOf } from "./transaction-states";

/** What the simulated Alipay/AlipayHK cashier page shows of one payment. */
export type CashierView = {
  syssn: string;
  merchant: string;
  wallet: "AlipayHK" | "Alipay";
  amount: number;
  currency: string;
  outTradeNo: string;
  state: "open" | "paid" | "declined" | "expired" | "closed";
  expiresAt: Date | null;
  returnUrl: string | null;
};

function cashierState(respcd: string): CashierView["state"] {
  const state = stateOf(respcd);
  if (state === "pending") return "open";
  if (state === "paid") return "paid";
  if (respcd === EXPIRED_STATE) return "expired";
  return respcd === DECLINED_STATE ? "declined" : "closed";
}

/** The cashier's view of a transaction; null for a refund, which has no cashier. */
export function cashierViewOf(tx: typeof sandboxTransactions.$inferSelect): CashierView | null {
  if (tx.orderType !== "payment") return null;
  return {
    syssn: tx.syssn,
    merchant: SANDBOX_MERCHANT_NAME,
    wallet: acceptedPayType(tx.payType)?.wallet ?? "Alipay",
    amount: tx.txamt,
    currency: tx.txcurrcd,
    outTradeNo: tx.outTradeNo,
    state: cashierState(tx.respcd),
    expiresAt: tx.expiresAt,
    returnUrl: tx.returnUrl,
  };
}
