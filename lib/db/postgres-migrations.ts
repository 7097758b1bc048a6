import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Pool } from "pg";
import { hasDatabaseCode } from "./errors";

/** A serverless cold start found the schema older than its code: migrations belong to the deploy. */
export class SchemaBehindError extends Error {
  override name = "SchemaBehindError";
  constructor() {
    super(
      "The database schema is behind this build: run `npm run db:migrate` (Vercel runs it before `next build`, over DATABASE_URL_UNPOOLED).",
    );
  }
}

// Any fixed number: it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK = 727_001;

/** The `when` of the newest checked-in migration: what drizzle records as `created_at` once applied. */
function newestMigration(folder: string): number {
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((entry) => entry.when));
}

/** One read: is a checked-in migration missing from this database? */
export async function postgresSchemaBehind(pool: Pool, folder: string): Promise<boolean> {
  try {
    const { rows } = await pool.query<{ at: string | null }>(
      "select max(created_at)::text as at from drizzle.__drizzle_migrations",
    );
    return rows[0]?.at == null || Number(rows[0].at) < newestMigration(folder);
  } catch (error) {
    // 42P01: no migrations table yet, a new database.
    if (hasDatabaseCode(error, "42P01")) return true;
    throw error;
  }
}

/**
 * Applies the checked-in migrations over a connection of its own, which must be direct (not through a
 * transaction pooler): the advisory lock that makes concurrent migrators wait for each other is held by
 * the session, and closing the connection is what guarantees its release.
 */
export async function applyPostgresMigrations(url: string, folder: string): Promise<void> {
  const { Client } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const client = new Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder: folder });
  } finally {
    await client.end().catch(() => undefined);
  }
}
