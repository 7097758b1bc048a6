import { pino, stdTimeFunctions, type DestinationStream, type Logger } from "pino";
import { LOG_LEVELS } from "./log-levels";

export type { Logger };

/** The configured level; one pino does not know falls back to info, while the configuration check says what is wrong. */
function configuredLevel(): string {
  const level = process.env.LOG_LEVEL?.trim();
  return level && (LOG_LEVELS as readonly string[]).includes(level) ? level : "info";
}

/**
 * Keys whose values never reach a log line, wherever they sit (top level or one object down): QFPay's
 * client key and signatures, the session secret, the admin password, database URLs, shoppers' emails, and
 * a shopper's Alipay user id with the auth code and the app key that obtain it.
 */
const SECRET_KEYS = [
  "clientKey",
  "key",
  "sign",
  "signature",
  "sessionSecret",
  "password",
  "authorization",
  "cookie",
  "databaseUrl",
  "email",
  // The shopper's Alipay user id (QFPay's openid for 800107), the code that buys it, and the Alipay app's key.
  "openid",
  "userId",
  "user_id",
  // The app-scoped id Alipay answers apps on OpenID with, in place of the user id.
  "open_id",
  "openId",
  "authCode",
  "auth_code",
  "privateKey",
];
const REDACT = [...SECRET_KEYS, ...SECRET_KEYS.map((key) => `*.${key}`)];

/**
 * One JSON line per event (pino), which any host's log drain reads: Vercel's, a container's stdout.
 * `LOG_LEVEL` picks how much ("info" by default; "silent" in unit tests). Each line names its `event`.
 */
export function createLogger(destination?: DestinationStream, level = configuredLevel()): Logger {
  return pino(
    {
      level,
      base: { service: "qfpay-shop" },
      timestamp: stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: "[redacted]" },
    },
    destination,
  );
}

/** The process's logger; use cases take theirs from the payments context, so tests can read what they write. */
export const logger = createLogger();

/** An error as a log field: its message and name, never the objects it may hold (a request, a row). */
export function errorField(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: "unknown", message: String(error) };
}
