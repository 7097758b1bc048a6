import { rmSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "@/lib/db/connection";
import type { CrashPoint } from "@/lib/crash-point";
import { findForm, runReconcile, sandboxControl, Shopper } from "../support/shop-http-client";
import {
  ensureProductionBuild,
  SERVER_SECRETS,
  startProductionServer,
  type ProductionServer,
} from "../support/production-server";
import { startMailbox, type TestMailbox } from "../support/test-mailbox";
import { checkInvariants } from "./invariants";
import { freshDatabase, type TestDatabase } from "./test-databases";

/**
 * Kills the production server (SIGKILL, as `kill -9`) at chosen points of a checkout, a notification,
 * a refund and a receipt's delivery, restarts it on the same database, lets the shop recover as it would
 * in production (the shopper comes back, QFPay resends, the cron job reconciles and sends the mail still
 * owed), then checks the database: every order consistent, none lost, none paid twice; and the test's
 * SMTP server: the receipt arrived once. The checkout and payment points are run again with the shop paying
 * through CBTIS (`PAYMENT_PROVIDER=cbtis`, its webhook a hint the shop looks up). `CRASH_SCENARIO=<point>`
 * runs one point only, `CRASH_PROVIDER=qfpay|cbtis` one provider only.
 */

const PORT = Number(process.env.RELIABILITY_PORT ?? 3210);
const PRODUCT = { slug: "tieguanyin-oolong", sku: "TEA-TGY-100" };
/** Every server of the run sends its mail here, the SMTP server this script starts. */
let mailbox: TestMailbox;

/** What a scenario learnt before the crash, for after it. */
interface Memo {
  /** Who the shop pays through in this run. */
  provider: Provider;
  orderId?: string;
  syssn?: string;
}

type Provider = "qfpay" | "cbtis";

interface Scenario {
  point: CrashPoint;
  provider: Provider;
  /** Does what reaches the crash point; the server dies somewhere inside. */
  crash(shopper: Shopper, server: ProductionServer, memo: Memo): Promise<void>;
  /** What the shop and the shopper do after the restart. */
  recover(shopper: Shopper, server: ProductionServer, memo: Memo): Promise<void>;
  /** What the shopper must see at the end. */
  expect: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

/** Each stand-in's cashier link, holding its number for the payment (QFPay's syssn, CBTIS's order_id). */
const CASHIER_LINK = /\/sandbox\/(?:cbtis\/)?cashier\/([A-Za-z0-9_-]+)/;

/** The sandbox cashier's transaction for the order's live attempt, read off the order page's payment link. */
async function cashierSyssnOf(shopper: Shopper, orderId: string): Promise<string> {
  const html = await shopper.page(`/orders/${orderId}`);
  const match = CASHIER_LINK.exec(html);
  if (!match) throw new Error(`order ${orderId} shows no payment link`);
  return match[1]!;
}

/** The stand-in's cashier pays the order's live attempt, as the shopper's wallet would. */
async function payInCashier(shopper: Shopper, server: ProductionServer, memo: Memo, orderId: string): Promise<void> {
  const number = await cashierSyssnOf(shopper, orderId);
  const paid =
    memo.provider === "cbtis"
      ? sandboxControl(server.baseUrl, { action: "pay", orderId: number }, "/sandbox/cbtis/control")
      : sandboxControl(server.baseUrl, { action: "pay", syssn: number });
  await paid.catch(() => undefined);
}

async function stateOf(shopper: Shopper, orderId: string): Promise<string | undefined> {
  const { body } = await shopper.status(orderId);
  return body?.state as string | undefined;
}

/** The cron job runs until the order reaches `state`. */
async function reconcileUntil(
  shopper: Shopper,
  server: ProductionServer,
  orderId: string,
  state: string,
): Promise<void> {
  await until(`order ${orderId} to be ${state}`, async () => {
    await runReconcile(server.baseUrl, SERVER_SECRETS.CRON_SECRET);
    return (await stateOf(shopper, orderId)) === state;
  });
}

/** A checkout whose answer never came: the shopper, cart still full, checks out again and pays. */
/**
 * The shopper, whose checkout was cut off, submits the same cart again: one cart is one order, so this
 * is the first order. Its lost attempt is settled by the order page's query of the gateway (failed as never
 * sent, or left open there and set aside), and the page offers another try, which the shopper takes.
 */
async function checkoutAgainAndPay(shopper: Shopper, server: ProductionServer, memo: Memo): Promise<void> {
  const { orderId } = await shopper.checkout();
  if (!orderId) throw new Error("a desktop checkout goes to the order page");
  const path = `/orders/${orderId}`;
  await until("the order page to offer a payment", async () => {
    await shopper.status(orderId);
    const html = await shopper.page(path);
    if (CASHIER_LINK.test(html)) return true;
    // "Try again with" after a failed try; "Start again with" while an answer QFPay never gave is set aside.
    // In a form: the page also carries its messages for the browser, these words among them.
    const retry = ["Try again with", "Start again with"].find((label) => findForm(html, label) !== null);
    if (retry) await (await shopper.submit(path, html, retry, {})).body?.cancel();
    return false;
  });
  await payInCashier(shopper, server, memo, orderId);
  await until("the second order to be paid", async () => (await stateOf(shopper, orderId)) === "paid");
  // The lost attempt: QFPay's silence is final after the sandbox's grace period; then reconciliation settles it.
  await sleep(5_500);
  await runReconcile(server.baseUrl, SERVER_SECRETS.CRON_SECRET);
}

async function placeOrder(shopper: Shopper, memo: Memo): Promise<string> {
  const { orderId } = await shopper.checkout();
  if (!orderId) throw new Error("a desktop checkout goes to the order page");
  memo.orderId = orderId;
  return orderId;
}

const STEPS: Omit<Scenario, "provider">[] = [
  {
    point: "checkout.before-gateway",
    crash: async (shopper) => void (await shopper.checkout()),
    recover: checkoutAgainAndPay,
    expect:
      "the lost attempt fails as never sent; the same cart submitted again is that order, paid once on another try",
  },
  {
    point: "checkout.after-gateway",
    crash: async (shopper) => void (await shopper.checkout()),
    recover: checkoutAgainAndPay,
    expect:
      "the lost attempt is found open at the gateway and set aside; the same cart again is that order, paid once on another try",
  },
  ...(["paid.mid-transaction", "notify.after-confirm", "notify.after-record"] as const).map(
    (point): Omit<Scenario, "provider"> => ({
      point,
      crash: async (shopper, server, memo) => payInCashier(shopper, server, memo, await placeOrder(shopper, memo)),
      recover: (shopper, server, memo) => reconcileUntil(shopper, server, memo.orderId!, "paid"),
      expect: "the order is paid exactly once",
    }),
  ),
  {
    point: "mail.before-send",
    // Paid and committed, the receipt claimed by the after() that followed, the server killed before the send.
    async crash(shopper, server, memo) {
      memo.syssn = await cashierSyssnOf(shopper, await placeOrder(shopper, memo));
      await sandboxControl(server.baseUrl, { action: "pay", syssn: memo.syssn });
    },
    async recover(shopper, server, memo) {
      const orderId = memo.orderId!;
      await until("the order to be paid", async () => (await stateOf(shopper, orderId)) === "paid");
      // QFPay sends its notification again, three times at once.
      await sandboxControl(server.baseUrl, { action: "notify", syssn: memo.syssn, copies: 3 });
      const messageId = `<receipt.${orderId}@127.0.0.1>`;
      const received = () => mailbox.messages.filter((m) => m.messageId === messageId).length;
      // The dead server's lease on the receipt lapses (30 s), then the cron job sends it.
      await until(
        "the receipt to arrive",
        async () => {
          await runReconcile(server.baseUrl, SERVER_SECRETS.CRON_SECRET);
          return received() > 0;
        },
        75_000,
      );
      await sleep(1_000);
      await runReconcile(server.baseUrl, SERVER_SECRETS.CRON_SECRET);
      if (received() !== 1) throw new Error(`the receipt arrived ${received()} times, expected once`);
    },
    expect: "the order is paid once and its receipt, claimed when the server died, arrives once after the restart",
  },
  {
    point: "refund.after-gateway",
    async crash(shopper, server, memo) {
      const orderId = await placeOrder(shopper, memo);
      await payInCashier(shopper, server, memo, orderId);
      await until("the order to be paid", async () => (await stateOf(shopper, orderId)) === "paid");
      const admin = new Shopper(server.baseUrl, { clientAddress: "198.51.100.200" });
      const signIn = await admin.submit("/admin", await admin.page("/admin"), 'name="password"', {
        password: SERVER_SECRETS.ADMIN_PASSWORD,
      });
      await signIn.body?.cancel();
      const page = `/admin/orders/${orderId}`;
      // The refund form's second step, as the admin's "Confirm refund" sends it.
      await admin.submit(page, await admin.page(page), 'name="requestKey"', { full: "1", confirmed: "1" });
    },
    recover: (shopper, server, memo) => reconcileUntil(shopper, server, memo.orderId!, "refunded"),
    expect: "the refund QFPay made is found and the order is refunded once",
  },
];

/** The points a CBTIS payment passes too: its checkout, and its webhook looked up and applied. */
const CBTIS_POINTS: readonly CrashPoint[] = [
  "checkout.before-gateway",
  "checkout.after-gateway",
  "paid.mid-transaction",
  "notify.after-confirm",
  "notify.after-record",
];

const SCENARIOS: Scenario[] = [
  ...STEPS.map((step): Scenario => ({ ...step, provider: "qfpay" })),
  ...STEPS.filter((step) => CBTIS_POINTS.includes(step.point)).map((step): Scenario => ({
    ...step,
    provider: "cbtis",
  })),
];

async function runScenario(scenario: Scenario, database: TestDatabase): Promise<string[]> {
  const base = {
    SMTP_URL: mailbox.url,
    MAIL_FROM: "Harbour Tea & Goods <receipts@harbour-tea.test>",
    PAYMENT_PROVIDER: scenario.provider,
  };
  const start = (env: Record<string, string> = {}) =>
    startProductionServer({ port: PORT, database: database.server, env: { ...base, ...env } });
  let server = await start({ SHOP_CRASH_AT: scenario.point });
  // QFPay's notification retries, a thousand times faster (CBTIS's are left to the cron job's look-ups).
  if (scenario.provider === "qfpay") await sandboxControl(server.baseUrl, { action: "settings", timeScale: 0.001 });
  const shopper = new Shopper(server.baseUrl, { clientAddress: "198.51.100.7" });
  await shopper.addToCart(PRODUCT.slug, PRODUCT.sku);

  const memo: Memo = { provider: scenario.provider };
  await scenario.crash(shopper, server, memo).catch(() => undefined);
  const exit = await Promise.race([server.exited, sleep(20_000).then(() => null)]);
  if (exit?.signal !== "SIGKILL") {
    await server.stop();
    return [
      `the server did not die at ${scenario.point} (${exit ? `exit ${exit.code ?? exit.signal}` : "still running"})`,
    ];
  }

  server = await start();
  try {
    await scenario.recover(shopper, server, memo);
  } finally {
    await server.stop();
  }

  const handle = await openDatabase(database.open);
  try {
    const ledger = await checkInvariants(handle.db, { settled: true });
    const problems = [...ledger.problems];
    if (ledger.paidOrders !== 1) problems.push(`${ledger.paidOrders} paid orders, expected 1`);
    return problems;
  } finally {
    await handle.close();
  }
}

async function main() {
  const engines = ["pglite", ...(process.env.TEST_POSTGRES_URL ? ["postgres" as const] : [])] as const;
  ensureProductionBuild();
  mailbox = await startMailbox();
  const only = process.env.CRASH_SCENARIO;
  const provider = process.env.CRASH_PROVIDER;
  let failed = 0;
  for (const engine of engines) {
    for (const scenario of SCENARIOS.filter(
      (s) => (!only || s.point === only) && (!provider || s.provider === provider),
    )) {
      const database = await freshDatabase(
        engine,
        path.join(".data", "reliability", scenario.provider, scenario.point),
      );
      const started = Date.now();
      let problems: string[];
      try {
        problems = await runScenario(scenario, database);
      } catch (error) {
        problems = [error instanceof Error ? error.message : String(error)];
      } finally {
        await database.drop();
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (problems.length === 0)
        console.log(
          `ok   ${engine} ${scenario.provider} kill -9 at ${scenario.point}: ${scenario.expect} (${seconds} s)`,
        );
      else {
        failed += 1;
        console.log(
          `FAIL ${engine} ${scenario.provider} kill -9 at ${scenario.point} (${seconds} s)\n  - ${problems.join("\n  - ")}`,
        );
      }
    }
  }
  rmSync(path.join(".data", "reliability"), { recursive: true, force: true });
  await mailbox.close();
  if (failed > 0) {
    console.error(`${failed} crash scenario(s) failed`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
