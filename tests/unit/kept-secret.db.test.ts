import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { keptSecret } from "@/lib/db/kept-secret";
import { generatedSecrets } from "@/lib/db/schema/generated-secrets";
import { sandboxAlipayKeys } from "@/lib/sandbox/alipay/keys";
import { resolveSessionSecret } from "@/lib/session-secret";
import { createTestDatabase, type TestDatabaseHandle } from "../support/test-database";

/*
 * Secrets the shop makes for itself (the demo's session secret, the sandbox's Alipay key pairs) are made
 * once however many instances ask at once: on PostgreSQL, four pools of their own, as four instances.
 */

let database: TestDatabaseHandle;
let instances: DatabaseHandle[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  instances = database.url
    ? await Promise.all([0, 1, 2, 3].map(() => openDatabase({ url: database.url!, migrations: "check" })))
    : [database, database, database, database];
});

afterAll(async () => {
  await Promise.all(instances.filter((handle) => handle !== database).map((handle) => handle.close()));
  await database?.close();
});

describe("a self-made secret, asked for by four instances at once", () => {
  it("the sandbox's Alipay key pairs: one of each stored, and every instance answers the same", async () => {
    const answers = await Promise.all(instances.map((handle) => sandboxAlipayKeys(handle.db)));
    const [first] = answers;
    for (const answer of answers) expect(answer).toEqual(first);
    expect(first!.appPrivateKey).not.toBe(first!.alipayPrivateKey);
    const rows = await database.db
      .select()
      .from(generatedSecrets)
      .where(inArray(generatedSecrets.name, ["sandbox_alipay_app_private_key", "sandbox_alipay_platform_private_key"]));
    expect(rows.map((row) => row.value).sort()).toEqual([first!.appPrivateKey, first!.alipayPrivateKey].sort());
  });

  it("the demo's session secret: one made, the same everywhere; a configured one is never stored", async () => {
    const answers = await Promise.all(
      instances.map((handle) => resolveSessionSecret({ sessionSecret: undefined }, handle.db)),
    );
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^[\w-]{64}$/);
    expect(
      await resolveSessionSecret({ sessionSecret: "configured-secret-of-32-characters-or-more" }, database.db),
    ).toBe("configured-secret-of-32-characters-or-more");
    const rows = await database.db
      .select()
      .from(generatedSecrets)
      .where(inArray(generatedSecrets.name, ["session_secret"]));
    expect(rows.map((row) => row.value)).toEqual([answers[0]]);
  });

  it("every instance that made one of its own answers the stored one, not its own", async () => {
    let made = 0;
    const answers = await Promise.all(instances.map((handle) => keptSecret(handle.db, "race", () => `made-${++made}`)));
    expect(new Set(answers).size).toBe(1);
    const [row] = await database.db
      .select()
      .from(generatedSecrets)
      .where(inArray(generatedSecrets.name, ["race"]));
    expect(answers[0]).toBe(row!.value);
  });
});
