import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The states of Alipay's web authorisation that have come back once (lib/web/spend-alipay-state.ts): a
 * sealed session cookie replayed from before its state was spent still carries it, and only the database,
 * which every instance shares, can say it was used. Kept by hash; housekeeping forgets them after a day,
 * long after a state goes stale (ten minutes).
 */
export const alipaySpentStates = pgTable("alipay_spent_states", {
  stateHash: text("state_hash").primaryKey(),
  spentAt: timestamp("spent_at", { withTimezone: true }).notNull(),
});
