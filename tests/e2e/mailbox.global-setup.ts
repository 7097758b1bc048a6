import { appendFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startMailbox } from "../support/test-mailbox";
import { E2E_MAILBOX_FILE, E2E_SMTP_PORT } from "./mailbox-port";

/**
 * The SMTP server the shop under test sends its mail to (SMTP_URL in playwright.config.ts), started once
 * for the run in Playwright's own process. Specs run in workers, so what it receives is written to a
 * file, one JSON line per message, which they read (tests/e2e/mailbox.ts).
 */
export default async function startE2eMailbox() {
  rmSync(E2E_MAILBOX_FILE, { force: true });
  mkdirSync(path.dirname(E2E_MAILBOX_FILE), { recursive: true });
  const mailbox = await startMailbox(E2E_SMTP_PORT);
  const written = new Set<unknown>();
  const timer = setInterval(() => {
    for (const message of mailbox.messages) {
      if (written.has(message)) continue;
      written.add(message);
      const { messageId, to, subject, body } = message;
      appendFileSync(E2E_MAILBOX_FILE, `${JSON.stringify({ messageId, to, subject, body })}\n`);
    }
  }, 50);
  return async () => {
    clearInterval(timer);
    await mailbox.close();
  };
}
