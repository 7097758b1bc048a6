import type { OutboxMail } from "./store/mail-outbox";

export type ReceiptMailState = { key: "sent" | "failed" | "retrying" | "queued"; recipient: string };

/**
 * What the order page may say about the receipt email: exactly what its outbox row shows, never more
 * (sent only once the mail server accepted it). Null when none was owed (an order paid before the outbox).
 * The key is what the page puts in its language.
 */
export function receiptMailState(mail: OutboxMail[]): ReceiptMailState | null {
  const receipt = mail.find((message) => message.kind === "receipt");
  if (!receipt) return null;
  const recipient = receipt.recipient;
  switch (receipt.state) {
    case "sent":
      return { key: "sent", recipient };
    case "failed":
      return { key: "failed", recipient };
    case "queued":
      return { key: receipt.lastError ? "retrying" : "queued", recipient };
  }
}

/** The same in English words. */
export function receiptMailNote(mail: OutboxMail[]): string | null {
  const state = receiptMailState(mail);
  if (!state) return null;
  const { key, recipient } = state;
  switch (key) {
    case "sent":
      return `Sent to ${recipient}`;
    case "failed":
      return `Could not be sent to ${recipient}`;
    case "retrying":
      return `Not sent yet to ${recipient}: the mail server has not taken it; it will be tried again`;
    case "queued":
      return `Queued for ${recipient}`;
  }
}
