import "server-only";
import { getDb } from "../db/database";
import { SchemaBehindError } from "../db/postgres-migrations";
import { configurationProblem, getConfig } from "../env";

// Whatever a driver puts in a message, a connection string (and the password in it) never goes further.
const CONNECTION_STRING = /postgres(ql)?:\/\/\S+/gi;

/**
 * What stops this server from serving, as one line a merchant can act on, or null. It names the
 * variable to set and never repeats a secret. Pages show it, /api/health answers 503 with it, and the
 * start logs it.
 */
export async function serverProblem(): Promise<string | null> {
  const configuration = configurationProblem();
  if (configuration) return configuration;
  try {
    await getDb();
    return null;
  } catch (error) {
    if (error instanceof SchemaBehindError) return error.message;
    const detail =
      error instanceof Error ? error.message.replace(CONNECTION_STRING, "[database URL]") : "unknown error";
    const where = getConfig().databaseUrl
      ? "the PostgreSQL server of DATABASE_URL"
      : "the embedded database (set PGLITE_DATA_DIR to a writable folder, or DATABASE_URL)";
    return `Database unavailable: ${where} cannot be opened (${detail}).`;
  }
}
