import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { sandboxAlipayAuthCodes } from "../../db/schema/alipay-sandbox";

/** How long an auth code may wait for its exchange (Alipay's are short-lived; it states minutes). */
const CODE_LIFETIME_MS = 5 * 60_000;

/** A sandbox shopper's Alipay user id: 2088 and twelve digits, as Alipay's are. */
function newUserId(): string {
  let digits = "";
  for (let i = 0; i < 12; i++) digits += String(randomInt(10));
  return `2088${digits}`;
}

/** An app-scoped open_id, as Alipay gives apps on OpenID (created since 2023): letters and digits, no 2088. */
function newOpenId(): string {
  return `0${randomBytes(32).toString("base64url").replace(/[-_]/g, "0")}`;
}

/**
 * The code Alipay's authorisation page hands back when the shopper allows it. `identity` says how Alipay
 * names the shopper to this app: by user id (2088…), or, for an app on OpenID, by open_id only.
 */
export async function issueAuthCode(
  db: Db,
  appId: string,
  scope: string,
  now: Date,
  identity: "user_id" | "open_id" = "user_id",
): Promise<string> {
  const code = randomBytes(24).toString("hex");
  await db.insert(sandboxAlipayAuthCodes).values({
    code,
    appId,
    scope,
    // The id the code answers with, of either kind (an open_id never starts 2088 and twelve digits).
    userId: identity === "open_id" ? newOpenId() : newUserId(),
    expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS),
  });
  return code;
}

/**
 * Spends a code: its user id the first time, within its lifetime, for the app it was issued to; null
 * otherwise (Alipay's isv.code-invalid). One guarded update, so two exchanges of one code get one user id.
 */
export async function redeemAuthCode(db: Db, code: string, appId: string, now: Date): Promise<string | null> {
  const [spent] = await db
    .update(sandboxAlipayAuthCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(sandboxAlipayAuthCodes.code, code),
        eq(sandboxAlipayAuthCodes.appId, appId),
        isNull(sandboxAlipayAuthCodes.usedAt),
        gt(sandboxAlipayAuthCodes.expiresAt, now),
      ),
    )
    .returning({ userId: sandboxAlipayAuthCodes.userId });
  return spent?.userId ?? null;
}
