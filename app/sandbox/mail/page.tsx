import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getConfig } from "@/lib/env";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { composeMail } from "@/lib/payments/compose-mail";
import { latestMail } from "@/lib/payments/store/mail-outbox";
import { sandboxLocale } from "../sandbox-locale";

export async function generateMetadata(): Promise<Metadata> {
  await sandboxLocale();
  return { title: (await getTranslations("sandboxMail"))("title"), robots: { index: false } };
}

/**
 * Sandbox mode: the outbox as a mailbox, so that receipts can be read with no mail server configured
 * (with SMTP_URL set they also go out, and this page says which were sent). A 404 in test and live mode.
 * The page speaks the visitor's language; each message is shown as it was written, in its order's.
 */
export default async function SandboxMailPage() {
  if (getConfig().qfpay.environment !== "sandbox") notFound();
  await sandboxLocale();
  const t = await getTranslations("sandboxMail");
  const states = { queued: t("states.queued"), sent: t("states.sent"), failed: t("states.failed") };
  const ctx = await getPaymentsContext();
  const messages = await Promise.all(
    (await latestMail(ctx.db, 50)).map(async (mail) => ({ mail, message: await composeMail(ctx, mail) })),
  );
  return (
    <main className="sandbox-mail" id="main">
      <h1>{t("title")}</h1>
      <p>{ctx.mailer ? t("introSmtp") : t("introOutbox")}</p>
      {messages.length === 0 && <p>{t("none")}</p>}
      {messages.map(({ mail, message }) => (
        <article key={mail.id} className="sandbox-mail-message" aria-label={message?.subject ?? mail.messageKey}>
          <h2>{message?.subject ?? mail.messageKey}</h2>
          <dl className="receipt-facts">
            <dt>{t("to")}</dt>
            <dd>{mail.recipient}</dd>
            <dt>{t("state")}</dt>
            <dd>
              {states[mail.state]}
              {/* The mail server's own words, as it answered. */}
              {mail.lastError && ` ${t("lastTry", { error: mail.lastError })}`}
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
