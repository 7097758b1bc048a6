import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { clearFailures, guessFailed, LOCK_MS, MAX_FAILURES, takeGuess } from "@/lib/admin/sign-in-throttle";
import { createTestDatabase } from "../support/test-database";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** What the sign-in action does with one guess: counted first, compared only if allowed. */
async function guess(clientKey: string, right: boolean, now: Date): Promise<"compared" | "refused" | "signed-in"> {
  const taken = await takeGuess(database.db, clientKey, now);
  if (!taken.allowed) return "refused";
  if (right) {
    await clearFailures(database.db, clientKey);
    return "signed-in";
  }
  await guessFailed(database.db, clientKey, taken.number, now);
  return "compared";
}

it(`compares at most ${MAX_FAILURES} guesses per window however many arrive at once, then locks the client out`, async () => {
  const now = new Date();
  const outcomes = await Promise.all(Array.from({ length: 300 }, () => guess("client-a", false, now)));
  expect(outcomes.filter((o) => o === "compared")).toHaveLength(MAX_FAILURES);
  expect(outcomes.filter((o) => o === "refused")).toHaveLength(300 - MAX_FAILURES);
  // Locked: even the right password is not compared.
  expect(await guess("client-a", true, new Date(now.getTime() + 60_000))).toBe("refused");
  // Another client is not affected.
  expect(await guess("client-b", true, now)).toBe("signed-in");
  // After the lock-out the client may guess again.
  expect(await guess("client-a", true, new Date(now.getTime() + LOCK_MS + 1_000))).toBe("signed-in");
});

it("a right password clears the count; wrong ones under the limit do not lock", async () => {
  const now = new Date();
  for (let i = 0; i < MAX_FAILURES - 1; i++) expect(await guess("client-c", false, now)).toBe("compared");
  expect(await guess("client-c", true, now)).toBe("signed-in");
  for (let i = 0; i < MAX_FAILURES; i++) expect(await guess("client-c", false, now)).toBe("compared");
  expect(await guess("client-c", false, now)).toBe("refused");
});
