import type { PaymentsContext } from "./context";
import { mailContent } from "./mail-content";
import type { MailMessage } from "./mailer";
import { orderUrl } from "./order-access";
import { readAttempt } from "./store/attempts";
import type { OutboxMail } from "./store/mail-outbox";
import { itemsOf, readOrder } from "./store/orders";
import { readRefund } from "./store/refunds";

/**
 * The owed message in full, from the rows it names: an order's items, total and payment never change once
 * it is paid, and a succeeded refund never changes, so every send of one row says the same, under the same
 * Message-ID. Null when its rows are gone (nothing the shop ever deletes).
 */
export async function composeMail(ctx: PaymentsContext, mail: OutboxMail): Promise<MailMessage | null> {
  const [order, items, attempt, refund] = await Promise.all([
    readOrder(ctx.db, mail.orderId),
    itemsOf(ctx.db, mail.orderId),
    mail.attemptId === null ? undefined : readAttempt(ctx.db, mail.attemptId),
    mail.refundId === null ? undefined : readRefund(ctx.db, mail.refundId),
  ]);
  if (!order || !attempt || (mail.kind === "refund" && !refund)) return null;
  const content = mailContent({
    kind: mail.kind,
    orderId: order.id,
    items,
    currency: order.currency,
    total: order.total,
    wallet: attempt.wallet,
    syssn: attempt.syssn,
    orderLink: orderUrl(ctx.siteUrl, order.id, ctx.sessionSecret, order.locale),
    refund: refund ? { amount: refund.amount, syssn: refund.syssn, refundedTotal: order.refundedTotal } : undefined,
    locale: order.locale,
    provider: ctx.gateway.name,
  });
  return {
    messageId: `<${mail.messageKey.replace(":", ".")}@${new URL(ctx.siteUrl).hostname}>`,
    to: mail.recipient,
    ...content,
  };
}
