import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

/** One type for both engines: every query in the shop is written once and runs on either. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface DatabaseHandle {
  db: Db;
  engine: "pglite" | "postgres";
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations");
export const DEFAULT_PGLITE_DIR = path.join(process.cwd(), ".data", "pglite");

// Any fixed number: it only has to be the same in every instance that migrates this database.
const MIGRATION_LOCK = 727_001;

/**
 * Opens a database and brings its schema up to date. `url` selects PostgreSQL; otherwise PGlite in
 * `dataDir` (a folder, created if missing) or, with `dataDir: "memory"`, in memory.
 */
export async function openDatabase(options: { url?: string; dataDir?: string }): Promise<DatabaseHandle> {
  if (options.url) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const pool = new Pool({ connectionString: options.url, max: 10, idleTimeoutMillis: 10_000 });
    // An idle connection the server closes (restart, failover) must not take the whole process down:
    // the pool drops it and opens another on the next query.
    pool.on("error", () => undefined);
    // Several server instances may start together: one migrates, the others wait for it.
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
    return { db: drizzle(pool) as unknown as Db, engine: "postgres", close: () => pool.end() };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  let client;
  if (options.dataDir === "memory") {
    client = new PGlite();
  } else {
    const dir = options.dataDir ?? DEFAULT_PGLITE_DIR;
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir);
  }
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db: db as unknown as Db, engine: "pglite", close: () => client.close() };
}

/** A round trip, for health checks. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
