import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "./connection";
import { generatedSecrets } from "./schema/generated-secrets";

async function stored(db: Db, name: string): Promise<string | undefined> {
  const [row] = await db
    .select({ value: generatedSecrets.value })
    .from(generatedSecrets)
    .where(eq(generatedSecrets.name, name));
  return row?.value;
}

/**
 * A secret the shop makes for itself, once for every instance: the one stored under `name`, or, when
 * none is, one `make` makes. Instances that start together may each make one; the first insert wins
 * (on conflict do nothing) and every one of them answers what was stored, never what it made itself.
 */
export async function keptSecret(db: Db, name: string, make: () => string): Promise<string> {
  // Most calls find it kept, and some secrets (RSA keys) are slow to make.
  const kept = await stored(db, name);
  if (kept !== undefined) return kept;
  await db.insert(generatedSecrets).values({ name, value: make() }).onConflictDoNothing();
  const value = await stored(db, name);
  if (value === undefined) throw new Error(`The generated secret ${name} was not stored.`);
  return value;
}
