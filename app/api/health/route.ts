import { getDb } from "@/lib/db/database";
import { pingDatabase } from "@/lib/db/connection";
import { getConfig } from "@/lib/env";

/** Readiness: the configuration is valid and the database answers. */
export async function GET() {
  try {
    await pingDatabase(await getDb());
    return Response.json({ status: "ok", mode: getConfig().qfpay.environment }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
