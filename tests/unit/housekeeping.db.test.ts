import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { signInThrottle } from "@/lib/db/schema/admin";
import { alipaySpentStates } from "@/lib/db/schema/alipay-spent-states";
import { refusedNotifications } from "@/lib/db/schema/notifications";
import { rateLimits } from "@/lib/db/schema/rate-limits";
import { pruneStaleRows, REFUSED_NOTIFICATIONS_KEPT_DAYS } from "@/lib/housekeeping";
import { createTestDatabase } from "../support/test-database";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

it("deletes rate-limit windows and sign-in counts long over and old refused-notification counters and Alipay states, and keeps the rest", async () => {
  const now = new Date();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const day = 86_400_000;
  await database.db.insert(rateLimits).values([
    { key: "old", windowStartedAt: ago(2 * day), count: 5 },
    { key: "live", windowStartedAt: ago(60_000), count: 5 },
  ]);
  await database.db.insert(signInThrottle).values([
    { clientKey: "old", failures: 2, windowStartedAt: ago(2 * day) },
    {
      clientKey: "old-but-locked",
      failures: 5,
      windowStartedAt: ago(2 * day),
      lockedUntil: new Date(now.getTime() + 60_000),
    },
    { clientKey: "live", failures: 1, windowStartedAt: ago(60_000) },
  ]);
  await database.db.insert(refusedNotifications).values([
    {
      reason: "bad_signature",
      hour: ago((REFUSED_NOTIFICATIONS_KEPT_DAYS + 1) * day),
      sampleBody: "{}",
      sampleBytes: 2,
    },
    { reason: "bad_signature", hour: ago(day), sampleBody: "{}", sampleBytes: 2 },
  ]);
  await database.db.insert(alipaySpentStates).values([
    { stateHash: "old", spentAt: ago(day + 60_000) },
    { stateHash: "recent", spentAt: ago(60_000) },
  ]);

  expect(await pruneStaleRows(database.db, now)).toEqual({
    rateLimits: 1,
    signInThrottle: 1,
    refusedNotifications: 1,
    alipaySpentStates: 1,
  });
  expect((await database.db.select().from(rateLimits)).map((r) => r.key)).toEqual(["live"]);
  expect((await database.db.select().from(signInThrottle)).map((r) => r.clientKey).sort()).toEqual([
    "live",
    "old-but-locked",
  ]);
  expect(await database.db.select().from(refusedNotifications)).toHaveLength(1);
  expect((await database.db.select().from(alipaySpentStates)).map((r) => r.stateHash)).toEqual(["recent"]);
  expect(await pruneStaleRows(database.db, now)).toEqual({
    rateLimits: 0,
    signInThrottle: 0,
    refusedNotifications: 0,
    alipaySpentStates: 0,
  });
});
