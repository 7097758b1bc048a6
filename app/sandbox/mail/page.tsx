import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getConfig } from "@/lib/env";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { composeMail } from "@/lib/payments/compose-mail";
import { latestMail } from "@/lib/payments/store/mail-outbox";

export const metadata: Metadata = { title: "Sandbox mailbox", robots: { index: false } };

const STATE_TEXT = { queued: "Waiting in the outbox", sent: "Sent", failed: "Given up" } as const;

/**
 * Sandbox mode: the outbox as a mailbox, so that receipts can be read with no mail server configured
 * (with SMTP_URL set they also go out, and this page says which were sent). A 404 in test and live mode.
 */
export default async function SandboxMailPage() {
  if (getConfig().qfpay.environment !== "sandbox") notFound();
  const ctx = await getPaymentsContext();
  const messages = await Promise.all(
    (await latestMail(ctx.db, 50)).map(async (mail) => ({ mail, message: await composeMail(ctx, mail) })),
  );
  return (
    <main className="sandbox-mail">
      <h1>Sandbox mailbox</h1>
      <p>
        The newest messages the shop owes its shoppers, {ctx.mailer ? "sent through SMTP_URL" : "kept in the outbox"}:{" "}
        {ctx.mailer ? "each says whether the mail server has taken it." : "set SMTP_URL and MAIL_FROM to send them."}
      </p>
      {messages.length === 0 && <p>No messages yet: pay for an order to see its receipt here.</p>}
      {messages.map(({ mail, message }) => (
        <article key={mail.id} className="sandbox-mail-message" aria-label={message?.subject ?? mail.messageKey}>
          <h2>{message?.subject ?? mail.messageKey}</h2>
          <dl className="receipt-facts">
            <dt>To</dt>
            <dd>{mail.recipient}</dd>
            <dt>State</dt>
            <dd>
              {STATE_TEXT[mail.state]}
              {mail.lastError && ` (last try: ${mail.lastError})`}
            </dd>
            <dt>Message-ID</dt>
            <dd className="mono">{message?.messageId ?? "—"}</dd>
          </dl>
          {message && <pre className="sandbox-mail-text">{message.text}</pre>}
        </article>
      ))}
    </main>
  );
}
