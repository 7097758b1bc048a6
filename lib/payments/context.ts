import type { Db } from "../db/connection";
import type { CurrencyCode } from "../qfpay/currencies";
import type { Logger } from "../log";
import type { PaymentGateway } from "./gateway";
import type { Mailer } from "./mailer";

/** Everything the payment use cases need from outside, so tests can hand them a real database and sandbox. */
export interface PaymentsContext {
  db: Db;
  gateway: PaymentGateway;
  siteUrl: string;
  /** The gateway mode every order records: sandbox orders never pass for real ones. */
  mode: "sandbox" | "test" | "live";
  /** Signs the order links that return_url carries. */
  sessionSecret: string;
  currency: CurrencyCode;
  expiredMinutes: number;
  /** The least time between two look-ups of one transaction (QFPay asks for 3 to 5 s). */
  querySpacingMs: number;
  /** A payment the gateway has no record of this long after it was sent never reached it. */
  notFoundGraceMs: number;
  now(): Date;
  /** Runs work after the response is sent (Next's `after()`); tests may await it. */
  defer(task: () => Promise<unknown>): void;
  /** Where notifications, gateway calls and caught errors are written, one JSON line each. */
  log: Logger;
  /** Sends what the outbox holds; null when no SMTP server is configured (the messages wait). */
  mailer: Mailer | null;
}
