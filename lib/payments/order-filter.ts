import { z } from "zod";
import { ORDER_STATES } from "./types";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day that exists: "2024-02-31" or "9999-99-99" would make an invalid Date and a failed query. */
function isRealDay(day: string): boolean {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const dayField = z.string().regex(DAY).refine(isRealDay).optional().catch(undefined);

/** The list's filters, as they come from the query string: anything malformed is simply dropped. */
export const orderFilterSchema = z.object({
  state: z
    .enum([...ORDER_STATES, "needs_review"])
    .optional()
    .catch(undefined),
  from: dayField,
  to: dayField,
  // Order ids, out_trade_no and syssn are visible ASCII; a control character (NUL above all, which
  // PostgreSQL refuses in a query parameter) can match nothing.
  q: z
    .string()
    .trim()
    .max(128)
    .regex(/^[^\p{Cc}]*$/u)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  /** Unset: the mode the shop runs in now (as Stripe keeps test data apart); `all`: every mode. */
  mode: z.enum(["sandbox", "test", "live", "all"]).optional().catch(undefined),
});
export type OrderFilter = z.infer<typeof orderFilterSchema>;

export const PAGE_SIZE = 25;

export type OrderMode = "sandbox" | "test" | "live";
