import { and, eq, sql } from "drizzle-orm";
import { orders } from "../db/schema/orders";
import type { PaymentsContext } from "./context";
import { recordEvent } from "./transitions";

/** The merchant clears an order's review flag, leaving a note of what was done in its story. */
export async function resolveReview(ctx: PaymentsContext, orderId: string, note: string, by: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [cleared] = await tx
      .update(orders)
      .set({ needsReview: false, reviewReason: null, updatedAt: sql`now()` })
      .where(and(eq(orders.id, orderId), eq(orders.needsReview, true)))
      .returning({ id: orders.id });
    if (!cleared) return false;
    await recordEvent(tx, { orderId, type: "order.review_resolved", cause: `admin:${by}`, detail: { note } });
    return true;
  });
}
