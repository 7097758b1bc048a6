import { existsSync, readFileSync } from "node:fs";
import { E2E_MAILBOX_FILE } from "./mailbox-port";

export interface E2eMail {
  messageId: string;
  to: string;
  subject: string;
  body: string;
}

/** The messages the run's SMTP server has received with this Message-ID (tests/e2e/mailbox.global-setup.ts). */
export function receivedMail(messageId: string): E2eMail[] {
  if (!existsSync(E2E_MAILBOX_FILE)) return [];
  return readFileSync(E2E_MAILBOX_FILE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as E2eMail)
    .filter((mail) => mail.messageId === messageId);
}
