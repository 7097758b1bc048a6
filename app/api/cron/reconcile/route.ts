import { timingSafeEqual } from "node:crypto";
import { getConfig } from "@/lib/env";
import { pruneStaleRows } from "@/lib/housekeeping";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { reconcile } from "@/lib/payments/reconcile";
import { deliverDueMail } from "@/lib/payments/deliver-mail";
import { deliverDueSandboxNotifications } from "@/lib/sandbox/instance";

function authorized(header: string | null, secret: string): boolean {
  const given = Buffer.from(header ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * For a scheduled job (Vercel Cron sends `Authorization: Bearer $CRON_SECRET`): settles what is left
 * open, sends the mail still owed (a retry now due, or one whose instance was frozen or died before its
 * `after()` ran), then deletes the rows that stopped mattering (lib/housekeeping.ts).
 */
export async function GET(request: Request) {
  const secret = getConfig().cronSecret;
  if (!secret) return Response.json({ error: "Set CRON_SECRET to enable scheduled reconciliation." }, { status: 404 });
  if (!authorized(request.headers.get("authorization"), secret))
    return Response.json({ error: "Unauthorized" }, { status: 401 });
  await deliverDueSandboxNotifications();
  const ctx = await getPaymentsContext();
  const summary = await reconcile(ctx);
  const mail = await deliverDueMail(ctx);
  const pruned = await pruneStaleRows(ctx.db, ctx.now());
  return Response.json({ ...summary, mail, pruned }, { headers: { "Cache-Control": "no-store" } });
}
