import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Failed admin sign-ins per client, in the database so every server instance sees the same count. */
export const signInThrottle = pgTable("sign_in_throttle", {
  /** A keyed hash of the client's address: the count needs no raw IP. */
  clientKey: text("client_key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});
