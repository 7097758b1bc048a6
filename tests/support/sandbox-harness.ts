import type { DatabaseHandle } from "@/lib/db/connection";
import { createQfpayClient, type QfpayClient, type QfpayClientConfig } from "@/lib/qfpay/client";
import { SANDBOX_APP_CODE, SANDBOX_CLIENT_KEY } from "@/lib/sandbox/credentials";
import { routeSandboxRequest } from "@/lib/sandbox/sandbox-routes";
import { createSandboxGateway, type SandboxGateway } from "@/lib/sandbox/gateway";
import { serve, type RunningServer } from "./http-server";
import { createTestDatabase } from "./test-database";

export interface ReceivedNotification {
  body: string;
  sign: string | null;
}

/**
 * The sandbox gateway served over HTTP, as the app's route handlers serve it, plus a receiver that
 * records notifications and answers what the test tells it to.
 */
export interface SandboxHarness {
  database: DatabaseHandle;
  gateway: SandboxGateway;
  baseUrl: string;
  apiBase: string;
  received: ReceivedNotification[];
  receiverUrl: string;
  /** What the receiver answers next: QFPay counts only HTTP 200 with "SUCCESS". */
  receiverAnswer: { status: number; body: string };
  client(overrides?: Partial<QfpayClientConfig>): QfpayClient;
  control(command: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** `retryTimer: false` runs the gateway as a serverless instance does: only requests drive deliveries. */
export async function startSandbox(options: { retryTimer?: boolean } = {}): Promise<SandboxHarness> {
  const database = await createTestDatabase();
  const received: ReceivedNotification[] = [];
  const receiverAnswer = { status: 200, body: "SUCCESS" };
  const receiver: RunningServer = await serve(async (request) => {
    received.push({ body: await request.text(), sign: request.headers.get("x-qf-sign") });
    return new Response(receiverAnswer.body, { status: receiverAnswer.status });
  });
  const holder: { gateway?: SandboxGateway } = {};
  const server = await serve(async (request) => {
    const sandbox = routeSandboxRequest(holder.gateway!, request);
    if (sandbox) return sandbox;
    return new Response("not found", { status: 404 });
  });
  const gateway = createSandboxGateway({
    db: database.db,
    publicBaseUrl: server.url,
    registeredNotifyUrl: `${receiver.url}/registered`,
    retryTimer: options.retryTimer,
  });
  holder.gateway = gateway;
  const apiBase = `${server.url}/sandbox/qfpay`;
  return {
    database,
    gateway,
    baseUrl: server.url,
    apiBase,
    received,
    receiverUrl: `${receiver.url}/notify`,
    receiverAnswer,
    client: (overrides) =>
      createQfpayClient({
        baseUrl: apiBase,
        appCode: SANDBOX_APP_CODE,
        clientKey: SANDBOX_CLIENT_KEY,
        timeoutMs: 3_000,
        ...overrides,
      }),
    async control(command) {
      const response = await fetch(`${apiBase}/control`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(command),
      });
      return { status: response.status, body: await response.json() };
    },
    async close() {
      gateway.stop();
      await server.close();
      await receiver.close();
      await database.close();
    },
  };
}

/** Waits for a condition that another part of the system makes true in its own time. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 5_000, intervalMs = 20 } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
