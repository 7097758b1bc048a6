import type { GatewayTruth } from "./gateway";
import type { Attempt } from "./types";

/** What a notification says was paid. */
export type PaymentClaim = { syssn: string; amount: number; currency: string };

/** One payment: the same QFPay number, amount and currency. */
const samePayment = (a: { syssn: string | null; amount: number; currency: string }, b: PaymentClaim) =>
  a.syssn === b.syssn && a.amount === b.amount && a.currency === b.currency;

/** Whether what QFPay's query says is the payment that was claimed. */
export const confirms = (truth: GatewayTruth, claim: PaymentClaim) =>
  truth.kind === "paid" && samePayment(truth, claim);

/**
 * Whether an attempt already stands paid by this payment: same syssn, same amount and currency. Paid is
 * final for an attempt, so a plain read that says so is enough to skip settling it again (the query
 * that confirms a notification, a resent notification): no transaction, no lock.
 */
export function isPaidBy(attempt: Attempt, payment: PaymentClaim): boolean {
  return attempt.state === "paid" && samePayment(attempt, payment);
}

const TRUTH_IN_WORDS = {
  pending: "still unpaid",
  closed: "closed",
  failed: "failed",
  absent: "unknown to it",
} as const;

/**
 * The review reason when QFPay's query does not bear out a payment: one a notification claimed, or one
 * the shop itself recorded as paid.
 */
export function contradiction(claimed: PaymentClaim, truth: GatewayTruth, by: "notification" | "shop"): string {
  const said =
    by === "notification" ? `A notification said payment ${claimed.syssn}` : `The shop holds payment ${claimed.syssn}`;
  if (truth.kind === "paid") {
    return `${said} of ${claimed.amount} ${claimed.currency} ${by === "notification" ? "was made" : "as made"}, but QFPay's query says payment ${truth.syssn} of ${truth.amount} ${truth.currency}: check who can sign QFPay's messages.`;
  }
  const code = "code" in truth ? ` (${truth.code})` : "";
  return `${said} ${by === "notification" ? "was made" : "as made"}, but QFPay's query says it is ${TRUTH_IN_WORDS[truth.kind]}${code}: do not ship before QFPay confirms it.`;
}
