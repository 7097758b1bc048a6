/**
 * Where the crash-recovery test (tests/reliability/crash-recovery.ts) kills the server, as `kill -9`
 * would, at an exact line: a checkout before and after the gateway call, a notification after it is
 * recorded, inside the transaction that marks an order paid, before the answer is sent, and between a
 * receipt's claim and its send.
 */
export const CRASH_POINTS = [
  "checkout.before-gateway",
  "checkout.after-gateway",
  "paid.mid-transaction",
  "notify.after-confirm",
  "notify.after-record",
  "refund.after-gateway",
  "mail.before-send",
] as const;

export type CrashPoint = (typeof CRASH_POINTS)[number];

/** Dies on the spot when SHOP_CRASH_AT names this point; the configuration allows that in sandbox mode only. */
export function crashPoint(point: CrashPoint): void {
  if (process.env.SHOP_CRASH_AT === point) process.kill(process.pid, "SIGKILL");
}
