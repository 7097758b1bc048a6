import type { Db } from "../db/connection";
import { sandboxSettings } from "../db/schema/sandbox";

/**
 * Knobs that tests turn: `timeScale` multiplies QFPay's notification retry delays (1 is QFPay's own
 * schedule), `clockOffsetMs` moves the gateway's clock (for the refund window). Kept in the database so
 * every server instance sees the same gateway.
 */
export interface SandboxSettings {
  timeScale: number;
  clockOffsetMs: number;
}

export const DEFAULT_SETTINGS: SandboxSettings = { timeScale: 1, clockOffsetMs: 0 };

export async function readSettings(db: Db): Promise<SandboxSettings> {
  const rows = await db.select().from(sandboxSettings);
  const settings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (row.key === "timeScale" || row.key === "clockOffsetMs") settings[row.key] = row.value;
  }
  return settings;
}

export async function writeSettings(db: Db, changes: Partial<SandboxSettings>): Promise<SandboxSettings> {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    await db
      .insert(sandboxSettings)
      .values({ key, value })
      .onConflictDoUpdate({ target: sandboxSettings.key, set: { value } });
  }
  return readSettings(db);
}

export async function resetSettings(db: Db): Promise<void> {
  await db.delete(sandboxSettings);
}
