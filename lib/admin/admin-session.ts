import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { IronSession } from "iron-session";
import { getDb } from "../db/database";
import { adminSessions } from "../db/schema/admin";
import { getConfig } from "../env";
import { getSessionSecret } from "../session-secret";
import { openSealedSession } from "../web/sealed-session";

export interface AdminSessionData {
  /** The server-side session's id (admin_sessions): the cookie proves nothing without its row. */
  id?: string;
}

export const ADMIN_COOKIE = "shop_admin";
/** Short on purpose: an admin session that is left open refunds money. */
export const ADMIN_SESSION_SECONDS = 60 * 60;

async function cookie(): Promise<IronSession<AdminSessionData>> {
  const config = getConfig();
  return openSealedSession<AdminSessionData>({
    password: await getSessionSecret(),
    cookieName: ADMIN_COOKIE,
    ttl: ADMIN_SESSION_SECONDS,
    cookieOptions: { httpOnly: true, secure: config.siteUrl.startsWith("https://"), sameSite: "strict", path: "/" },
  });
}

/** Which password a session signed in with, without keeping the password: a change ends every session. */
async function passwordTag(): Promise<string> {
  return createHmac("sha256", await getSessionSecret())
    .update(`admin-password:${getConfig().adminPassword ?? ""}`)
    .digest("hex");
}

export function adminEnabled(): boolean {
  return getConfig().adminPassword !== undefined;
}

/** True only with the admin switched on and a live server-side session: every admin action and route asks. */
export async function isAdmin(): Promise<boolean> {
  if (!adminEnabled()) return false;
  const { id } = await cookie();
  if (typeof id !== "string") return false;
  const [row] = await (
    await getDb()
  )
    .select({ id: adminSessions.id })
    .from(adminSessions)
    .where(
      and(
        eq(adminSessions.id, id),
        eq(adminSessions.passwordTag, await passwordTag()),
        gt(adminSessions.expiresAt, new Date()),
      ),
    );
  return row !== undefined;
}

export async function startAdminSession(): Promise<void> {
  const db = await getDb();
  const now = new Date();
  // Sessions long over go with each sign-in: the table holds only the live ones and a few more.
  await db.delete(adminSessions).where(lt(adminSessions.expiresAt, now));
  const id = randomBytes(24).toString("base64url");
  await db.insert(adminSessions).values({
    id,
    passwordTag: await passwordTag(),
    expiresAt: new Date(now.getTime() + ADMIN_SESSION_SECONDS * 1000),
  });
  const current = await cookie();
  current.id = id;
  await current.save();
}

/** Signing out ends the session on the server: a copy of the cookie is worth nothing after it. */
export async function endAdminSession(): Promise<void> {
  const current = await cookie();
  if (typeof current.id === "string")
    await (await getDb()).delete(adminSessions).where(eq(adminSessions.id, current.id));
  current.destroy();
}
