import { crashPoint } from "../crash-point";
import { errorField } from "../log";
import { composeMail } from "./compose-mail";
import type { PaymentsContext } from "./context";
import { MailSendError } from "./mailer";
import { claimDueMail, markMailSent, markMailUnsent } from "./store/mail-outbox";

/**
 * How long a claimed message is one deliverer's: longer than a send can take (the SMTP mailer gives up on
 * a silent server well before), so that a live deliverer never loses its message to another; a dead one's
 * message is due again after it.
 */
export const MAIL_LEASE_MS = 30_000;

/** Waits before the 2nd, 3rd, … try; after the last, the message is given up and the order page says so. */
export const MAIL_RETRY_MS = [60_000, 300_000, 900_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000];

/** At most this many messages per run, so a long outage's backlog is spread over runs. */
const PER_RUN = 20;

export interface MailRun {
  sent: number;
  unsent: number;
}

/**
 * Sends what the outbox owes, one claimed message at a time. SMTP cannot join a transaction, so delivery
 * is at least once: the message is marked sent right after the server accepts it, and only a crash in
 * that instant sends it again once the lease lapses, under the same Message-ID. Without a mailer the
 * messages wait in the outbox.
 */
export async function deliverDueMail(ctx: PaymentsContext): Promise<MailRun> {
  const run: MailRun = { sent: 0, unsent: 0 };
  if (!ctx.mailer) return run;
  while (run.sent + run.unsent < PER_RUN) {
    const [mail] = await claimDueMail(ctx.db, ctx.now(), MAIL_LEASE_MS, 1);
    if (!mail) break;
    crashPoint("mail.before-send");
    const line = { orderId: mail.orderId, kind: mail.kind, messageKey: mail.messageKey, tries: mail.tries };
    try {
      const message = await composeMail(ctx, mail);
      if (!message) throw new MailSendError("The order this message is about is missing.", true);
      await ctx.mailer.send(message);
    } catch (error) {
      const permanent = error instanceof MailSendError && error.permanent;
      const wait = MAIL_RETRY_MS[mail.tries - 1];
      const retryAt = permanent || wait === undefined ? null : new Date(ctx.now().getTime() + wait);
      const reason = error instanceof MailSendError ? error.message : "The message could not be composed.";
      await markMailUnsent(ctx.db, mail, reason, retryAt);
      ctx.log.warn({ event: retryAt ? "mail.retry" : "mail.gave_up", ...line, retryAt, error: errorField(error) });
      run.unsent += 1;
      continue;
    }
    // The window SMTP leaves open: accepted by the server, not yet marked here.
    if (!(await markMailSent(ctx.db, mail, ctx.now())))
      ctx.log.warn({ event: "mail.lease_lost", ...line, message: "sent after its lease lapsed; may go twice" });
    else ctx.log.info({ event: "mail.sent", ...line });
    run.sent += 1;
  }
  return run;
}
