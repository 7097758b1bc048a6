import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Secrets the shop makes for itself when none is configured (the sandbox demo's session secret), kept
 * in the database so that every instance, and every cold start, signs with the same one.
 */
export const generatedSecrets = pgTable("generated_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
