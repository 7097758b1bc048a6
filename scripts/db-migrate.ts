// Applies the checked-in migrations to the configured database (PGlite under .data/ or DATABASE_URL).
// The server does this by itself on start; this is for deploy pipelines that migrate first.
import { openDatabase } from "../lib/db/connection";
import { getConfig } from "../lib/env";

async function main() {
  const config = getConfig();
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.pgliteDataDir });
  console.log(`Migrations applied (${handle.engine}).`);
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : "Migration failed");
  process.exit(1);
});
