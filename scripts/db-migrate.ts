// Applies the checked-in migrations to the configured database: PGlite under .data/, or PostgreSQL over
// its direct connection (DATABASE_URL_UNPOOLED when set). Vercel runs it before `next build`
// (npm run vercel-build); a long-lived server also migrates on start.
import { openDatabase } from "../lib/db/connection";
import { ConfigError } from "../lib/config-source";
import { getConfig } from "../lib/env";

async function main() {
  const config = getConfig();
  const url = config.migrationUrl;
  const handle = await openDatabase({
    url,
    migrationUrl: url,
    dataDir: config.pgliteDataDir,
    migrations: "apply",
    poolSize: 1,
  });
  console.log(`Migrations applied (${handle.engine}).`);
  await handle.close();
}

main().catch((error: unknown) => {
  // One line, never a stack trace: a configuration error names the variable, never a secret's value.
  console.error(
    error instanceof ConfigError
      ? error.message
      : `Migration failed: ${error instanceof Error ? error.message : "unknown error"}`,
  );
  process.exit(1);
});
