import type { Attempt, Refund } from "./types";

type AttemptRow = Pick<Attempt, "id" | "state" | "syssn" | "amount" | "paidAt">;
type RefundRow = Pick<Refund, "attemptId" | "amount" | "state">;

/** What one payment QFPay took (a paid attempt, by its syssn) still holds. */
export interface PaymentBalance {
  attemptId: number;
  syssn: string;
  amount: number;
  paidAt: Date | null;
  /** Refunds QFPay confirmed. */
  refunded: number;
  /** Refunds confirmed or still in flight: what can no longer be asked for again. */
  committed: number;
  /** What a new refund of this payment may still take. */
  refundable: number;
}

/** Refunds that hold money: confirmed, or sent and not yet known to have failed. */
const COMMITTED: readonly string[] = ["created", "unknown", "succeeded"];

const total = (rows: RefundRow[]) => rows.reduce((sum, row) => sum + row.amount, 0);

/**
 * Each payment of an order with its own balance. A refund belongs to the payment it names (QFPay refunds
 * a syssn, never an order), so an order paid twice has two balances: refunding the extra payment leaves
 * the first one whole. Oldest payment first.
 */
export function paymentBalances(attempts: readonly AttemptRow[], orderRefunds: readonly RefundRow[]): PaymentBalance[] {
  return [...attempts]
    .sort((a, b) => a.id - b.id)
    .filter((attempt) => attempt.state === "paid" && attempt.syssn !== null)
    .map((attempt) => {
      const own = orderRefunds.filter((refund) => refund.attemptId === attempt.id);
      const refunded = total(own.filter((refund) => refund.state === "succeeded"));
      const committed = total(own.filter((refund) => COMMITTED.includes(refund.state)));
      return {
        attemptId: attempt.id,
        syssn: attempt.syssn!,
        amount: attempt.amount,
        paidAt: attempt.paidAt,
        refunded,
        committed,
        refundable: Math.max(0, attempt.amount - committed),
      };
    });
}

/** The money the shop still holds for an order: every payment, less what QFPay confirmed went back. */
export function capturedOf(balances: readonly PaymentBalance[]): number {
  return balances.reduce((sum, balance) => sum + balance.amount - balance.refunded, 0);
}
