/**
 * The levels LOG_LEVEL may name: lib/env.ts refuses any other, naming these. Apart from lib/log.ts so
 * that the configuration check (which the proxy runs) does not bring pino along.
 */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
