import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Failed admin sign-ins per client, in the database so every server instance sees the same count. */
export const signInThrottle = pgTable("sign_in_throttle", {
  /** A keyed hash of the client's address: the count needs no raw IP. */
  clientKey: text("client_key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/**
 * Admin sessions, held by the server: the cookie carries only the id. Signing out deletes the row, and a
 * changed ADMIN_PASSWORD no longer matches `password_tag`, so no copy of an old cookie keeps working.
 */
export const adminSessions = pgTable("admin_sessions", {
  id: text("id").primaryKey(),
  /** A keyed hash of the password the session signed in with. */
  passwordTag: text("password_tag").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
