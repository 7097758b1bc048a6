import type { PaymentsContext } from "./context";
import { clearReview } from "./store/orders";
import { transaction } from "./store/transaction";

/** The merchant clears an order's review flag, leaving a note of what was done in its story. */
export async function resolveReview(ctx: PaymentsContext, orderId: string, note: string, by: string): Promise<boolean> {
  return transaction(ctx.db, (tx) => clearReview(tx, orderId, note, by));
}
