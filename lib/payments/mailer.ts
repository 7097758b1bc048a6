/** A message as the shop sends it: composed in full, addressed, with an id that stays the same on a resend. */
export interface MailMessage {
  /** `<…@host>`: the same for every send of one owed message, so a copy sent twice is recognisable. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Why a send failed, in words safe to store and log (never the SMTP credentials). */
export class MailSendError extends Error {
  override name = "MailSendError";
  constructor(
    message: string,
    /** The server refused this message for good (a 5xx for its recipient): sending it again cannot help. */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** Sends one message; resolves once the mail server has accepted it, throws MailSendError otherwise. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
