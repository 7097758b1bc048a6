import type { Db } from "../db/connection";
import type { QfpayClient } from "../qfpay/client";
import type { CurrencyCode } from "../qfpay/currencies";
import type { Logger } from "../log";

/** Everything the payment use cases need from outside, so tests can hand them a real database and sandbox. */
export interface PaymentsContext {
  db: Db;
  qfpay: QfpayClient;
  siteUrl: string;
  /** The gateway mode every order records: sandbox orders never pass for real ones. */
  mode: "sandbox" | "test" | "live";
  /** Signs the order links that return_url carries. */
  sessionSecret: string;
  /** Verifies notifications. */
  clientKey: string;
  currency: CurrencyCode;
  expiredMinutes: number;
  /** QFPay asks for 3 to 5 s between queries of one transaction. */
  querySpacingMs: number;
  /** A payment QFPay has no record of this long after it was sent never reached it. */
  notFoundGraceMs: number;
  now(): Date;
  /** Runs work after the response is sent (Next's `after()`); tests may await it. */
  defer(task: () => Promise<unknown>): void;
  /** Where notifications, gateway calls and caught errors are written, one JSON line each. */
  log: Logger;
}
