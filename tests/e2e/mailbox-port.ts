import path from "node:path";

/** Where the e2e run's SMTP server listens: beside the shop's own port, so two runs on one machine differ. */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1000);

/** What it has received, one JSON line per message. */
export const E2E_MAILBOX_FILE = path.resolve(__dirname, "../../.data/e2e-mailbox/received.jsonl");
