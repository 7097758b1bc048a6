import "server-only";
import { getConfig, ConfigError } from "./env";
import { getDb } from "./db/database";
import { seedInventory } from "./payments/inventory";

/**
 * Runs once as the server starts: bad configuration stops it with one line, and the database is
 * opened and migrated before the first request needs it.
 */
export async function startServer(): Promise<void> {
  try {
    getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await seedInventory(await getDb());
}
