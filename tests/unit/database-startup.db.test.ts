import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { generatedSecrets } from "@/lib/db/schema/generated-secrets";
import { SchemaBehindError } from "@/lib/db/postgres-migrations";
import { resolveSessionSecret } from "@/lib/session-secret";
import { freshDatabase, type TestDatabase } from "../reliability/test-databases";
import { createTestDatabase } from "../support/test-database";

describe("the generated session secret (sandbox mode with no SESSION_SECRET)", () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("is made once however many instances ask at the same moment, and then read by all", async () => {
    const secrets = await Promise.all(
      Array.from({ length: 20 }, () => resolveSessionSecret({ sessionSecret: undefined }, database.db)),
    );
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0]!.length).toBeGreaterThanOrEqual(32);
    expect(await database.db.select().from(generatedSecrets)).toHaveLength(1);
    expect(await resolveSessionSecret({ sessionSecret: undefined }, database.db)).toBe(secrets[0]);
  });

  it("is never used when SESSION_SECRET is set", async () => {
    expect(await resolveSessionSecret({ sessionSecret: "s".repeat(40) }, database.db)).toBe("s".repeat(40));
  });
});

const postgres = process.env.TEST_DB_ENGINE === "postgres" ? process.env.TEST_POSTGRES_URL : undefined;

describe.runIf(postgres)("opening PostgreSQL: a cold start checks, a deploy migrates", () => {
  const created: TestDatabase[] = [];
  /** A new database on the test server, not migrated. */
  async function emptyDatabase(): Promise<string> {
    const database = await freshDatabase("postgres", "");
    created.push(database);
    return "url" in database.server ? database.server.url : "";
  }
  async function migrationsIn(url: string): Promise<number> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query("select count(*)::int as n from drizzle.__drizzle_migrations")).rows[0].n;
    } finally {
      await client.end();
    }
  }
  afterAll(async () => {
    for (const database of created) await database.drop();
  });

  it("a cold start refuses a database the deploy did not migrate, and creates nothing", async () => {
    const url = await emptyDatabase();
    await expect(openDatabase({ url, migrations: "check" })).rejects.toBeInstanceOf(SchemaBehindError);
    await expect(migrationsIn(url)).rejects.toThrow(/does not exist/);
  });

  it("migrators started together apply each migration once; a later cold start runs none", async () => {
    const url = await emptyDatabase();
    const handles = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ url, migrations: "apply", poolSize: 2 })),
    );
    await Promise.all(handles.map((handle) => handle.close()));
    const applied = await migrationsIn(url);
    expect(applied).toBeGreaterThanOrEqual(5);

    const cold = await openDatabase({ url, migrations: "check", poolSize: 1 });
    await cold.close();
    expect(await migrationsIn(url)).toBe(applied);
  });
});
