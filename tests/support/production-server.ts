import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The shop as it runs in production (`next start` over the production build) on 127.0.0.1, in sandbox
 * mode, for the scripts that must kill, restart or load a real server: crash recovery, load, benchmarks.
 */

const ROOT = path.resolve(__dirname, "../..");
const NEXT_BIN = createRequire(path.join(ROOT, "package.json")).resolve("next/dist/bin/next");
// Node's own options from `npm start` (the heap's bounds), so every test server runs as the shop runs.
const START_NODE_FLAGS = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.start as string)
  .split(/\s+/)
  .filter((word) => word.startsWith("--"));

export const SERVER_SECRETS = {
  SESSION_SECRET: "reliability-session-secret-at-least-32-chars",
  CRON_SECRET: "reliability-cron-secret-0123456789",
  ADMIN_PASSWORD: "reliability-admin-password",
};

export interface ServerOptions {
  port: number;
  /** Embedded PGlite folder (relative to the project), or a PostgreSQL URL; none: nothing configured. */
  database: { pgliteDir: string } | { url: string } | null;
  /** Added to (or, with undefined, removed from) the server's environment. */
  env?: Record<string, string | undefined>;
  /** Options for Node itself, before Next's own (`--cpu-prof`, which NODE_OPTIONS does not take). */
  nodeArgs?: string[];
  /** The app's folder (a read-only copy: tests/support/read-only-app.ts); the project by default. */
  cwd?: string;
  /** Run as this user when the test runs as root (`nobody`: as a host runs an app it did not build). */
  user?: string;
  /**
   * Ready once /api/health answers 200 (default), once it answers at all (a misconfigured shop's 503), or
   * at once (`spawned`: the caller times the start itself).
   */
  ready?: "healthy" | "answering" | "spawned";
}

export interface ProductionServer {
  baseUrl: string;
  pid: number;
  /** Resolves when the process ends, with the signal that ended it (SIGKILL after a crash point). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines the server wrote to stderr, to explain a failure. */
  errors(): string;
  stop(): Promise<void>;
}

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the production bundle unless the one on disk is newer than every source file. */
export function ensureProductionBuild(): void {
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  const sources = ["app", "lib", "public"].map((dir) => newestSourceMtime(path.join(ROOT, dir)));
  for (const file of ["next.config.js", "proxy.ts", "instrumentation.ts"])
    sources.push(statSync(path.join(ROOT, file)).mtimeMs);
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources)) return;
  console.log("Building the production bundle (next build) ...");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

export async function startProductionServer(options: ServerOptions): Promise<ProductionServer> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const database =
    options.database === null
      ? {}
      : "url" in options.database
        ? { DATABASE_URL: options.database.url }
        : { PGLITE_DATA_DIR: options.database.pgliteDir };
  const command = [
    process.execPath,
    ...START_NODE_FLAGS,
    ...(options.nodeArgs ?? []),
    NEXT_BIN,
    "start",
    "-H",
    "127.0.0.1",
    "-p",
    String(options.port),
  ];
  if (options.user && process.getuid?.() === 0) command.unshift("runuser", "-u", options.user, "--");
  const child: ChildProcess = spawn(command[0]!, command.slice(1), {
    cwd: options.cwd ?? ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      QFPAY_ENV: "sandbox",
      SITE_URL: baseUrl,
      // The scripts stand in for a proxy that names each shopper's address in x-forwarded-for.
      TRUSTED_PROXY_HOPS: "1",
      ...SERVER_SECRETS,
      ...database,
      ...options.env,
    },
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  let ended = false;
  void exited.then(() => (ended = true));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (options.ready === "spawned") break;
    if (ended) throw new Error(`the server exited while starting: ${stderr.trim()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      await response.body?.cancel();
      if (response.status === 200 || options.ready === "answering") break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not become ready in time: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    baseUrl,
    pid: child.pid!,
    exited,
    errors: () => stderr,
    async stop() {
      if (ended) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
