import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import { openPGlite } from "../../lib/db/pglite-client";

describe("the embedded database as the shop opens it", () => {
  let db: PGlite;
  beforeAll(async () => {
    db = openPGlite("memory");
    await db.waitReady;
  });
  afterAll(() => db.close());

  it("lets the event loop in between queued statements, so waiting I/O is served during a burst", async () => {
    const finished: number[] = [];
    const burst = Array.from({ length: 40 }, (_, i) =>
      db.query("select $1::int as n", [i]).then(() => finished.push(i)),
    );
    // Scheduled once the burst is queued: it runs on the loop's next check phase, which the handover between
    // statements must reach long before the last of the 40 finishes.
    const seenByTheLoop = await new Promise<number>((resolve) => setImmediate(() => resolve(finished.length)));
    await Promise.all(burst);
    expect(finished).toHaveLength(40);
    expect(seenByTheLoop).toBeLessThan(5);
  });

  it("keeps transactions whole while they take turns", async () => {
    await db.exec("create table turns (n int primary key)");
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.query("insert into turns values ($1)", [i]);
          await tx.query("update turns set n = n + 100 where n = $1", [i]);
        }),
      ),
    );
    const { rows } = await db.query<{ low: number; high: number }>(
      "select count(*) filter (where n < 100)::int as low, count(*) filter (where n >= 100)::int as high from turns",
    );
    expect(rows[0]).toEqual({ low: 0, high: 20 });
  });

  it("starts with a small buffer pool, which PGlite would otherwise hold resident for good", async () => {
    const { rows } = await db.query<{ shared_buffers: string }>("show shared_buffers");
    expect(rows[0]!.shared_buffers).toBe("16MB");
  });
});
