import { getDb } from "@/lib/db/database";
import { pingDatabase } from "@/lib/db/connection";
import { getConfig } from "@/lib/env";
import { errorField, logger } from "@/lib/log";
import { serverProblem } from "@/lib/web/server-problem";

const NO_STORE = { "Cache-Control": "no-store" };

/** Readiness: the configuration is valid and the database answers; otherwise 503 and why. */
export async function GET() {
  const problem = await serverProblem();
  if (problem) return Response.json({ status: "unavailable", reason: problem }, { status: 503, headers: NO_STORE });
  try {
    await pingDatabase(await getDb());
  } catch (error) {
    logger.error({ event: "health.database", error: errorField(error) });
    return Response.json(
      { status: "unavailable", reason: "The database does not answer." },
      { status: 503, headers: NO_STORE },
    );
  }
  return Response.json({ status: "ok", mode: getConfig().qfpay.environment }, { headers: NO_STORE });
}
