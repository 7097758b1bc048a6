import "server-only";
import { and, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { orders } from "../../db/schema/orders";
import { PAGE_SIZE, type OrderFilter, type OrderMode } from "../order-filter";
import { readOrderNumber } from "../order-number";
import type { OrderState } from "../types";

const HKT_OFFSET_MS = 8 * 3600_000;
import { paymentAttempts, refunds } from "../../db/schema/payments";

/** Midnight of a calendar day in Hong Kong, where the shop's days begin and end. */
function hongKongDay(day: string, plusDays = 0): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + plusDays) - HKT_OFFSET_MS);
}

function whereOf(filter: OrderFilter, currentMode: OrderMode): SQL | undefined {
  const conditions: SQL[] = [];
  const mode = filter.mode ?? currentMode;
  // Orders from before the mode was recorded could be either: they show in every mode.
  if (mode !== "all") conditions.push(or(eq(orders.mode, mode), isNull(orders.mode))!);
  if (filter.state === "needs_review") conditions.push(eq(orders.needsReview, true));
  else if (filter.state) conditions.push(eq(orders.state, filter.state));
  if (filter.from) conditions.push(gte(orders.createdAt, hongKongDay(filter.from)));
  if (filter.to) conditions.push(lt(orders.createdAt, hongKongDay(filter.to, 1)));
  if (filter.q) {
    const q = filter.q;
    const number = readOrderNumber(q);
    conditions.push(
      or(
        eq(orders.id, q),
        number ? eq(orders.number, number) : undefined,
        sql`exists (select 1 from ${paymentAttempts} where ${paymentAttempts.orderId} = ${orders.id} and (${paymentAttempts.outTradeNo} = ${q} or ${paymentAttempts.syssn} = ${q}))`,
        sql`exists (select 1 from ${refunds} where ${refunds.orderId} = ${orders.id} and (${refunds.outTradeNo} = ${q} or ${refunds.syssn} = ${q}))`,
      )!,
    );
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export interface OrderRow {
  id: string;
  number: string;
  createdAt: Date;
  state: OrderState;
  needsReview: boolean;
  reviewReason: string | null;
  total: number;
  refundedTotal: number;
  currency: string;
  email: string;
  mode: OrderMode | null;
  wallet: string | null;
  payType: string | null;
  outTradeNo: string | null;
  syssn: string | null;
}

export async function listOrders(
  db: Db,
  filter: OrderFilter,
  currentMode: OrderMode,
  limit = PAGE_SIZE,
): Promise<{ rows: OrderRow[]; total: number }> {
  const where = whereOf(filter, currentMode);
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orders)
    .where(where);
  const page = await db
    .select()
    .from(orders)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit)
    .offset((filter.page - 1) * limit);
  const attempts =
    page.length === 0
      ? []
      : await db
          .select()
          .from(paymentAttempts)
          .where(
            inArray(
              paymentAttempts.orderId,
              page.map((o) => o.id),
            ),
          )
          .orderBy(desc(paymentAttempts.id));
  const rows = page.map((order) => {
    const attempt =
      attempts.find((a) => a.orderId === order.id && a.state === "paid") ??
      attempts.find((a) => a.orderId === order.id);
    return {
      id: order.id,
      number: order.number,
      createdAt: order.createdAt,
      state: order.state,
      needsReview: order.needsReview,
      reviewReason: order.reviewReason,
      total: order.total,
      refundedTotal: order.refundedTotal,
      currency: order.currency,
      email: order.email,
      mode: order.mode,
      wallet: attempt?.wallet ?? null,
      payType: attempt?.payType ?? null,
      outTradeNo: attempt?.outTradeNo ?? null,
      syssn: attempt?.syssn ?? null,
    };
  });
  return { rows, total: Number(counted?.n ?? 0) };
}
