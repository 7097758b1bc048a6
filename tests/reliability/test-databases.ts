import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import pg from "pg";

/** A database for one server run: a fresh PGlite folder, or a new database on the test PostgreSQL server. */
export interface TestDatabase {
  /** How the server is told to use it. */
  server: { pgliteDir: string } | { url: string };
  /** How this script opens it (after the server has stopped, for PGlite). */
  open: { dataDir: string } | { url: string };
  drop(): Promise<void>;
}

export async function freshDatabase(engine: "pglite" | "postgres", pgliteDir: string): Promise<TestDatabase> {
  if (engine === "pglite") {
    rmSync(pgliteDir, { recursive: true, force: true });
    return {
      server: { pgliteDir },
      open: { dataDir: pgliteDir },
      drop: async () => rmSync(pgliteDir, { recursive: true, force: true }),
    };
  }
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) throw new Error("TEST_POSTGRES_URL is not set");
  const name = `shop_reliability_${randomBytes(6).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    server: { url: url.toString() },
    open: { url: url.toString() },
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}
