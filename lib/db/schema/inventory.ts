import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Stock on hand per sku. Decremented once per paid order, whatever number of messages say it was paid. */
export const inventory = pgTable("inventory", {
  sku: text("sku").primaryKey(),
  stock: integer("stock").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
