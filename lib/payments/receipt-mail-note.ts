import type { OutboxMail } from "./store/mail-outbox";

/**
 * What the order page may say about the receipt email: exactly what its outbox row shows, never more
 * (sent only once the mail server accepted it). Null when none was owed (an order paid before the outbox).
 */
export function receiptMailNote(mail: OutboxMail[]): string | null {
  const receipt = mail.find((message) => message.kind === "receipt");
  if (!receipt) return null;
  switch (receipt.state) {
    case "sent":
      return `Sent to ${receipt.recipient}`;
    case "failed":
      return `Could not be sent to ${receipt.recipient}`;
    case "queued":
      return receipt.lastError
        ? `Not sent yet to ${receipt.recipient}: the mail server has not taken it; it will be tried again`
        : `Queued for ${receipt.recipient}`;
  }
}
