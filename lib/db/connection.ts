import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool } from "pg";
import { applyPostgresMigrations, postgresSchemaBehind, SchemaBehindError } from "./postgres-migrations";
import { listenOnPostgres, type ChannelHandlers, type ChannelListening } from "./postgres-listener";

/** One type for both engines: every query in the shop is written once and runs on either. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface DatabaseHandle {
  db: Db;
  engine: "pglite" | "postgres";
  /**
   * Hears `pg_notify(channel, …)` once the notifying transaction commits, from any process on this database
   * (PostgreSQL: over one connection of its own per call, so call it once per process and fan out; PGlite:
   * on its only connection, since only this process may open its folder).
   */
  listen(channel: string, handlers: ChannelHandlers): ChannelListening;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "db", "migrations");
export const DEFAULT_PGLITE_DIR = path.join(process.cwd(), ".data", "pglite");

export interface OpenDatabaseOptions {
  /** Selects PostgreSQL; otherwise PGlite in `dataDir` (created if missing) or, with `"memory"`, in memory. */
  url?: string;
  dataDir?: string;
  /**
   * PostgreSQL only. `apply` (a long-lived server, `npm run db:migrate`): bring the schema up to date over
   * `migrationUrl`, the direct connection. `check` (a serverless cold start, which may sit behind a
   * transaction pooler): one cheap read of the schema version, and a clear error if it is behind.
   */
  migrations?: "apply" | "check";
  migrationUrl?: string;
  /** Connections this instance may hold: small when many instances share one server. */
  poolSize?: number;
  /** Called with the new pool (Vercel's attachDatabasePool). */
  onPool?: (pool: Pool) => void;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    // Idle connections close soon: instances multiply on a serverless host and each holds its own pool.
    const pool = new Pool({ connectionString: options.url, max: options.poolSize ?? 10, idleTimeoutMillis: 5_000 });
    // An idle connection the server closes (restart, failover) must not take the whole process down:
    // the pool drops it and opens another on the next query.
    pool.on("error", () => undefined);
    options.onPool?.(pool);
    try {
      if (await postgresSchemaBehind(pool, MIGRATIONS_FOLDER)) {
        if (options.migrations === "check") throw new SchemaBehindError();
        await applyPostgresMigrations(options.migrationUrl ?? options.url, MIGRATIONS_FOLDER);
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    const listeners = new Set<ChannelListening>();
    // The direct URL: LISTEN needs a session of its own, which a transaction pooler does not keep.
    const listenUrl = options.migrationUrl ?? options.url;
    return {
      db: drizzle(pool) as unknown as Db,
      engine: "postgres",
      listen(channel, handlers) {
        const listening = listenOnPostgres(listenUrl, channel, handlers);
        listeners.add(listening);
        const stop = () => {
          listeners.delete(listening);
          return listening.stop();
        };
        return { ready: listening.ready, stop };
      },
      async close() {
        await Promise.all([...listeners].map((listening) => listening.stop()));
        await pool.end();
      },
    };
  }

  const { openPGlite } = await import("./pglite-client");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = openPGlite(options.dataDir ?? DEFAULT_PGLITE_DIR);
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db: db as unknown as Db,
    engine: "pglite",
    listen(channel, handlers) {
      // One process, one connection: nothing is ever missed, so there is no gap to report.
      const unlisten = client.listen(channel, handlers.onPayload);
      return { ready: unlisten.then(() => undefined), stop: () => unlisten.then((stop) => stop()) };
    },
    close: () => client.close(),
  };
}

/** A round trip, for health checks. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
