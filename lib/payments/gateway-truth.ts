import type { QueryItem } from "../qfpay/responses";
import { describeStatus, transactionStateOf } from "../qfpay/status-codes";

/**
 * What QFPay says about one payment, from a notification or a query, reduced to what the state machine
 * needs. A notification is only ever `paid`: QFPay sends nothing for failure or expiry.
 */
export type GatewayTruth =
  | { kind: "paid"; syssn: string; amount: number; currency: string }
  | { kind: "pending"; syssn: string; code: string }
  | { kind: "closed"; syssn: string; code: string; reason: string }
  | { kind: "failed"; syssn: string; code: string; reason: string }
  | { kind: "absent" };

export function truthFromQueryItem(item: QueryItem | undefined): GatewayTruth {
  if (!item) return { kind: "absent" };
  const state = transactionStateOf(item.respcd);
  if (state === "paid")
    return { kind: "paid", syssn: item.syssn, amount: item.txamt ?? -1, currency: item.txcurrcd ?? "" };
  if (state === "pending") return { kind: "pending", syssn: item.syssn, code: item.respcd };
  const reason = item.errmsg || describeStatus(item.respcd);
  return state === "closed"
    ? { kind: "closed", syssn: item.syssn, code: item.respcd, reason }
    : { kind: "failed", syssn: item.syssn, code: item.respcd, reason };
}
