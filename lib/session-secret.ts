import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "./db/connection";
import { getDb } from "./db/database";
import { keptSecret } from "./db/kept-secret";
import { getConfig, type Config } from "./env";

const NAME = "session_secret";

/**
 * The secret that seals cookies and signs order links. Configured, it is SESSION_SECRET (parseConfig
 * demands one outside sandbox mode). Unset in sandbox mode, so that a one-click demo needs nothing typed,
 * the first instance to ask makes one and every instance after it reads the same from the database.
 */
export async function resolveSessionSecret(config: Pick<Config, "sessionSecret">, db: Db): Promise<string> {
  if (config.sessionSecret) return config.sessionSecret;
  return keptSecret(db, NAME, () => randomBytes(48).toString("base64url"));
}

const holder = globalThis as typeof globalThis & { __shopSessionSecret?: Promise<string> };

/** The running shop's session secret, read once per instance. */
export function getSessionSecret(): Promise<string> {
  holder.__shopSessionSecret ??= getDb()
    .then((db) => resolveSessionSecret(getConfig(), db))
    .catch((error: unknown) => {
      holder.__shopSessionSecret = undefined;
      throw error;
    });
  return holder.__shopSessionSecret;
}
