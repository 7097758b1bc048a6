import "server-only";
import { getConfig } from "../env";
import { openDatabase, type Db, type DatabaseHandle } from "./connection";

// Kept on globalThis so that `next dev` reloading modules never opens the PGlite folder twice.
const holder = globalThis as typeof globalThis & { __shopDatabase?: Promise<DatabaseHandle> };

/** The shop's database, opened and migrated on first use. */
export async function getDb(): Promise<Db> {
  holder.__shopDatabase ??= openDatabase({ url: getConfig().databaseUrl, dataDir: getConfig().pgliteDataDir }).catch((error: unknown) => {
    holder.__shopDatabase = undefined;
    throw error;
  });
  return (await holder.__shopDatabase).db;
}
