import "server-only";
import { attachDatabasePool } from "@vercel/functions";
import { getConfig } from "../env";
import { seedInventory } from "../payments/store/stock";
import { openDatabase, type Db, type DatabaseHandle } from "./connection";
import type { ChannelHandlers, ChannelListening } from "./postgres-listener";

// Kept on globalThis so that `next dev` reloading modules never opens the PGlite folder twice.
const holder = globalThis as typeof globalThis & { __shopDatabase?: Promise<DatabaseHandle> };

/**
 * The shop's database, opened on first use. A long-lived server migrates it; a serverless instance only
 * checks that the deploy did (and keeps a small pool that Vercel drains before it suspends the instance).
 * Every catalog sku then has its stock row.
 */
export async function getDb(): Promise<Db> {
  const config = getConfig();
  holder.__shopDatabase ??= openDatabase({
    url: config.databaseUrl,
    migrationUrl: config.migrationUrl,
    dataDir: config.pgliteDataDir,
    migrations: config.serverless ? "check" : "apply",
    poolSize: config.serverless ? 5 : 10,
    onPool: config.serverless ? (pool) => attachDatabasePool(pool) : undefined,
  })
    .then(async (handle) => {
      // Closed again if this fails, so that the next request's attempt is the only open (one PGlite per folder).
      await seedInventory(handle.db).catch(async (error: unknown) => {
        await handle.close().catch(() => undefined);
        throw error;
      });
      return handle;
    })
    .catch((error: unknown) => {
      holder.__shopDatabase = undefined;
      throw error;
    });
  return (await holder.__shopDatabase).db;
}

/** Listens on a channel of the shop's database (DatabaseHandle.listen): once per process, the caller fans out. */
export async function listenToShopDatabase(channel: string, handlers: ChannelHandlers): Promise<ChannelListening> {
  await getDb();
  return (await holder.__shopDatabase!).listen(channel, handlers);
}
