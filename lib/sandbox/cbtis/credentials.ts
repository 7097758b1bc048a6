/** The CBTIS stand-in's public credentials: not secrets, they open nothing but the sandbox. */
export const SANDBOX_CBTIS_CLIENT_ID = "SANDBOX-CBTIS-CLIENT";
export const SANDBOX_CBTIS_API_KEY = "SANDBOX-CBTIS-API-KEY-NOT-A-SECRET";
/** How long a sandbox access token lives (the lifetime the shop assumes of CBTIS's). */
export const SANDBOX_TOKEN_MS = 30 * 60_000;
/** How long an intent waits for the shopper before CBTIS cancels it ("timeout" in seed 003's table). */
export const INTENT_LIFETIME_MS = 30 * 60_000;
