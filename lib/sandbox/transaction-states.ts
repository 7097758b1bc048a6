/**
 * What a transaction's `respcd` means in a `/trade/v1/query` answer (qfpay-api.md, "POST
 * /trade/v1/query"): `0000` paid; 1143/1145/1298 still pending; 1142/1181/1263/1264 closed or expired;
 * any other code failed. The sandbox stores a transaction's state in these codes only.
 */
export type TransactionState = "paid" | "pending" | "closed" | "failed";

export const PAID_STATE = "0000";
/** The state a fresh payment holds until the shopper pays: "the password is currently being entered". */
export const AWAITING_SHOPPER_STATE = "1143";
export const PENDING_STATES = ["1143", "1145", "1298"] as const;
export const EXPIRED_STATE = "1181";
/** What the cashier's "decline" leaves: the status table's "The transaction failed". */
export const DECLINED_STATE = "1205";
const CLOSED_STATES: ReadonlySet<string> = new Set(["1142", "1181", "1263", "1264"]);
const PENDING: ReadonlySet<string> = new Set(PENDING_STATES);

export function stateOf(respcd: string): TransactionState {
  if (respcd === PAID_STATE) return "paid";
  if (PENDING.has(respcd)) return "pending";
  if (CLOSED_STATES.has(respcd)) return "closed";
  return "failed";
}

/**
 * Answers to `/trade/v1/payment` that leave the outcome unknown: 1143/1145 (seed 001: "continue to query
 * the transaction result") and 1295-1298 ("the connection is slow, waiting for a network response";
 * 1298 adds "do not repeat the payment"). A test scripts these; the transaction behind one is pending.
 */
export const UNKNOWN_OUTCOME_ANSWERS = ["1143", "1145", "1295", "1296", "1297", "1298"] as const;

/**
 * The state a payment answered with one of those codes holds. 1295-1297 are network answers, not states
 * a query lists as pending, so their transaction reads as "please wait while processing" (1145).
 */
export function pendingStateFor(answer: (typeof UNKNOWN_OUTCOME_ANSWERS)[number]): string {
  return PENDING.has(answer) ? answer : "1145";
}
