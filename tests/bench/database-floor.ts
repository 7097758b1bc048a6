import { spawn } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import { fromAutocannon, type Throughput } from "./load-measures";
import { peakRssMb } from "./server-process";

const PAYMENTS = 20_000;
// About the size of QFPay's notification body, so the insert writes what the shop's does.
const BODY = JSON.stringify({ notify_type: "payment", out_trade_no: "x".repeat(32), note: "y".repeat(400) });

/**
 * The database's floor (database-floor-server.ts) under `connections` concurrent notifications for
 * `seconds`: each request a new payment's notification, one transaction of an insert and a guarded update.
 */
export async function measureDatabaseFloor(
  database: { pgliteDir: string } | { url: string },
  port: number,
  connections: number,
  seconds: number,
): Promise<Throughput & { peakRssMb: number | null }> {
  // tsx as a loader in this very process (its CLI would start another), so the RSS read is the server's.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", path.join(__dirname, "database-floor-server.ts")],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        FLOOR_PORT: String(port),
        FLOOR_PAYMENTS: String(PAYMENTS),
        ...("url" in database ? { FLOOR_DATABASE_URL: database.url } : { FLOOR_PGLITE_DIR: database.pgliteDir }),
      },
    },
  );
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      child.once("exit", (code) => reject(new Error(`the database floor exited (${code})`)));
    });
    let next = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections,
      duration: seconds,
      requests: [
        {
          method: "POST",
          body: BODY,
          setupRequest: (request) => ({ ...request, path: `/notify?payment=${1 + (next++ % PAYMENTS)}` }),
        },
      ],
    });
    return { ...fromAutocannon(result), peakRssMb: peakRssMb(child.pid!) };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}
