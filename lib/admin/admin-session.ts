import "server-only";
import type { IronSession } from "iron-session";
import { getConfig } from "../env";
import { getSessionSecret } from "../session-secret";
import { openSealedSession } from "../sealed-session";

export interface AdminSessionData {
  signedInAt?: number;
}

export const ADMIN_COOKIE = "shop_admin";
/** Short on purpose: an admin session that is left open refunds money. */
export const ADMIN_SESSION_SECONDS = 60 * 60;

async function session(): Promise<IronSession<AdminSessionData>> {
  const config = getConfig();
  return openSealedSession<AdminSessionData>({
    password: await getSessionSecret(),
    cookieName: ADMIN_COOKIE,
    ttl: ADMIN_SESSION_SECONDS,
    cookieOptions: { httpOnly: true, secure: config.siteUrl.startsWith("https://"), sameSite: "strict", path: "/" },
  });
}

export function adminEnabled(): boolean {
  return getConfig().adminPassword !== undefined;
}

/** True only with the admin switched on and a live admin session: every admin action and route asks. */
export async function isAdmin(): Promise<boolean> {
  if (!adminEnabled()) return false;
  const current = await session();
  return typeof current.signedInAt === "number" && Date.now() - current.signedInAt < ADMIN_SESSION_SECONDS * 1000;
}

export async function startAdminSession(): Promise<void> {
  const current = await session();
  current.signedInAt = Date.now();
  await current.save();
}

export async function endAdminSession(): Promise<void> {
  (await session()).destroy();
}
