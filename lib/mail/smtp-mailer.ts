import "server-only";
import nodemailer from "nodemailer";
import { MailSendError, type Mailer, type MailMessage } from "../payments/mailer";

/** The whole of a send stays well inside the outbox's lease (lib/payments/deliver-mail.ts MAIL_LEASE_MS). */
const TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 };

/** The credentials the URL carries, which no stored or logged error may repeat. */
function secretsOf(smtpUrl: string): string[] {
  const url = new URL(smtpUrl);
  return [url.username, url.password, decodeURIComponent(url.username), decodeURIComponent(url.password)].filter(
    (part) => part.length >= 3,
  );
}

/** A nodemailer failure in words safe to keep: its code, the server's reply code and message, credentials cut out. */
function describe(error: unknown, secrets: string[]): MailSendError {
  const { code, responseCode, message } = (error ?? {}) as { code?: string; responseCode?: number; message?: string };
  let text = [code, responseCode, message ?? String(error)].filter(Boolean).join(" ");
  for (const secret of secrets) text = text.split(secret).join("[redacted]");
  // This recipient or message refused for good (5xx to RCPT TO or DATA): sending it again cannot help.
  // A refused login (EAUTH) is not: the merchant fixes SMTP_URL and the retries go through.
  const permanent =
    (code === "EENVELOPE" || code === "EMESSAGE") && typeof responseCode === "number" && responseCode >= 500;
  return new MailSendError(text.slice(0, 500), permanent);
}

/** Sends through the SMTP server at SMTP_URL (smtp:// with STARTTLS when offered, smtps:// for TLS at once). */
export function smtpMailer(settings: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport({ url: settings.smtpUrl, ...TIMEOUTS });
  const secrets = secretsOf(settings.smtpUrl);
  return {
    async send(message: MailMessage) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.messageId,
        });
      } catch (error) {
        throw describe(error, secrets);
      }
    },
  };
}
