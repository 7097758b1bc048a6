import { afterAll, beforeAll, beforeEach } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import type { PaymentsContext } from "@/lib/payments/context";
import { handleNotifyRequest } from "@/lib/web/notify-handler";
import { seedInventory, setStock } from "@/lib/payments/store/stock";
import { routeSandboxRequest } from "@/lib/sandbox/sandbox-routes";
import { createSandboxGateway, type SandboxGateway } from "@/lib/sandbox/gateway";
import { serve, type RunningServer } from "./http-server";
import { createTestDatabase } from "./test-database";
import { createLogger } from "@/lib/log";
import { parseConfig } from "@/lib/env";
import { buildPaymentsContext, qfpayClientFor, type ContextTiming } from "@/lib/gateways/build-payments-context";
import type { QfpayClient } from "@/lib/qfpay/client";
import { chooseGateway } from "@/lib/gateways/choose-gateway";
import { createCbtisSandbox, type CbtisSandbox } from "@/lib/sandbox/cbtis/gateway";

/**
 * The shop's payment core and the sandbox gateway on one real HTTP server and one real database, wired
 * as the app wires them: the core reaches the sandbox over HTTP, the sandbox notifies the core's
 * notification route over HTTP.
 */
export interface ShopHarness {
  database: DatabaseHandle;
  gateway: SandboxGateway;
  server: RunningServer;
  ctx: PaymentsContext;
  /** QFPay's API with the shop's credentials, outside the shop: what a merchant does in QFPay's portal. */
  merchantPortal: QfpayClient;
  notifyUrl: string;
  /** The provider the shop pays through; with "cbtis", `cbtis` is CBTIS's stand-in and `notifyUrl` its webhook route. */
  provider: "qfpay" | "cbtis";
  cbtis: CbtisSandbox;
  /** Scripts CBTIS's stand-in (its control endpoint), as `control` scripts QFPay's. */
  cbtisControl(command: unknown): Promise<{ status: number; body: unknown }>;
  /** Every line the payments core logged, parsed, oldest first. */
  logLines: Record<string, unknown>[];
  /** Waits for every task deferred with `after()` so far (and those they defer). */
  settle(): Promise<void>;
  control(command: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** `env` is added to the shop's configuration (SMTP_URL and MAIL_FROM, for a test's mailbox). */
/** With `PAYMENT_PROVIDER: "cbtis"` in `env`, the shop pays through CBTIS's stand-in. */
export async function startShop(timing: ContextTiming = {}, env: Record<string, string> = {}): Promise<ShopHarness> {
  const provider = env.PAYMENT_PROVIDER === "cbtis" ? "cbtis" : "qfpay";
  const database = await createTestDatabase();
  await seedInventory(database.db);
  // Checkout refuses goods other orders hold: a test file's many orders must not run the shop out.
  await setStock(database.db, 1_000_000);
  const holder: { gateway?: SandboxGateway; cbtis?: CbtisSandbox; ctx?: PaymentsContext } = {};
  const server = await serve(async (request) => {
    const sandbox = routeSandboxRequest(holder.gateway!, request) ?? holder.cbtis!.route(request);
    if (sandbox) return sandbox;
    const path = new URL(request.url).pathname;
    const client = request.headers.get("x-forwarded-for") ?? "127.0.0.1";
    if (path === "/api/qfpay/notify" && request.method === "POST" && provider === "qfpay")
      return handleNotifyRequest(holder.ctx!, request, client);
    if (path === "/api/cbtis/notify" && request.method === "POST" && provider === "cbtis")
      return handleNotifyRequest(holder.ctx!, request, client, "x-signature");
    return new Response("not found", { status: 404 });
  });
  const notifyUrl = `${server.url}/api/${provider}/notify`;
  const gateway = createSandboxGateway({ db: database.db, publicBaseUrl: server.url, registeredNotifyUrl: notifyUrl });
  holder.gateway = gateway;
  const cbtis = createCbtisSandbox({ db: database.db, publicBaseUrl: server.url });
  holder.cbtis = cbtis;

  const pending = new Set<Promise<unknown>>();
  const logLines: Record<string, unknown>[] = [];
  const log = createLogger(
    { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
    "info",
  );
  // The shop as the app builds it (lib/gateways), in sandbox mode on this server, its sandbox reached
  // over HTTP; only the timings differ: no 3 s between queries, no grace for QFPay's lagging records,
  // and a 2 s deadline, so that a test of a silent gateway does not wait QFPay's 15 s.
  const config = parseConfig({ QFPAY_ENV: "sandbox", SITE_URL: server.url, ...env });
  const defer = (task: () => Promise<unknown>) => {
    const running = task().catch(() => undefined);
    pending.add(running);
    void running.finally(() => pending.delete(running));
  };
  const wiring = chooseGateway(config);
  const ctx = buildPaymentsContext(
    config,
    wiring,
    { db: database.db, sessionSecret: "test-session-secret-of-at-least-32-characters", defer, log },
    { gatewayTimeoutMs: 2_000, querySpacingMs: 0, notFoundGraceMs: 0, ...timing },
  );
  holder.ctx = ctx;

  return {
    database,
    gateway,
    server,
    ctx,
    // CBTIS has no merchant-portal API to act with: its harness has no portal client.
    merchantPortal: provider === "qfpay" ? qfpayClientFor(config, wiring) : (undefined as unknown as QfpayClient),
    provider,
    cbtis,
    async cbtisControl(command) {
      const response = await fetch(`${server.url}/sandbox/cbtis/control`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(command),
      });
      return { status: response.status, body: await response.json() };
    },
    notifyUrl,
    logLines,
    async settle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async control(command) {
      const response = await fetch(`${server.url}/sandbox/qfpay/control`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(command),
      });
      return { status: response.status, body: await response.json() };
    },
    async close() {
      gateway.stop();
      cbtis.stop();
      await server.close();
      await database.close();
    },
  };
}

/**
 * The shop of one test file: started before its tests, closed after them, and before each test settled
 * (every deferred task done), the sandbox reset (no faults, no pending deliveries) and the log emptied.
 * Returns the harness itself, usable once the file's tests run.
 */
export function shopForThisFile(timing: ContextTiming = {}, env: Record<string, string> = {}): ShopHarness {
  let harness: ShopHarness | undefined;
  beforeAll(async () => {
    harness = await startShop(timing, env);
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    await harness!.settle();
    await harness!.control({ action: "reset" });
    await harness!.cbtisControl({ action: "reset" });
    harness!.logLines.length = 0;
  });
  return new Proxy({} as ShopHarness, {
    get(_target, key) {
      if (!harness) throw new Error("The shop starts in beforeAll: use it inside a test or hook.");
      return Reflect.get(harness, key);
    },
  });
}
