import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The sandbox's stand-in for Alipay's web authorisation: the auth codes its authorisation page hands out.
 * Alipay's codes are good for one exchange only, so the sandbox's are spent (`used_at`) by the first.
 */
export const sandboxAlipayAuthCodes = pgTable("sandbox_alipay_auth_codes", {
  code: text("code").primaryKey(),
  appId: text("app_id").notNull(),
  userId: text("user_id").notNull(),
  scope: text("scope").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
