import { rmSync } from "node:fs";
import path from "node:path";
import { ensureProductionBuild, startProductionServer } from "../support/production-server";
import { Shopper } from "../support/shop-http-client";
import { auditPages, shopperPages, type PageAudit } from "./lighthouse-pages";

/**
 * Lighthouse on every shopper page of the production build, alone:
 *   npx tsx --conditions=react-server tests/bench/audit-pages-main.ts
 * Prints a markdown table. `LIGHTHOUSE_RUNS=<n>` sets the runs per page and preset (the median is kept, 3
 * by default); `AUDIT_PORT` moves it off port 3230; `LIGHTHOUSE_REPORTS=<dir>` keeps the median runs' full reports, to see why a score is low.
 */

const PORT = Number(process.env.AUDIT_PORT ?? 3230);
const DATA_DIR = path.join(".data", "bench-pages");
const PRODUCT = { slug: "tieguanyin-oolong", sku: "TEA-TGY-100" };

function table(audits: PageAudit[]): string {
  const rows = audits.map(
    (a) =>
      `| ${a.page} | ${a.preset} | ${a.performance} | ${a.accessibility} | ${a.bestPractices} | ${(a.jsBytes / 1024).toFixed(1)} kB | ${(a.fontBytes / 1024).toFixed(1)} kB |`,
  );
  return [
    "| page | preset | performance | accessibility | best practices | JS (compressed) | fonts |",
    "|---|---|---:|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

async function main() {
  ensureProductionBuild();
  rmSync(DATA_DIR, { recursive: true, force: true });
  const server = await startProductionServer({ port: PORT, database: { pgliteDir: DATA_DIR } });
  try {
    // One session with an order awaiting payment (a QR code on the order page) and, again, a full cart.
    const shopper = new Shopper(server.baseUrl);
    await shopper.addToCart(PRODUCT.slug, PRODUCT.sku);
    const placed = await shopper.checkout({ device: "desktop" });
    if (!placed.orderId) throw new Error("the desktop checkout did not lead to the order page");
    await shopper.addToCart(PRODUCT.slug, PRODUCT.sku);
    const cookie = shopper.cookieHeader();

    const audits = await auditPages(server.baseUrl, shopperPages(placed.orderId, cookie), {
      runs: process.env.LIGHTHOUSE_RUNS ? Number(process.env.LIGHTHOUSE_RUNS) : undefined,
      reportDir: process.env.LIGHTHOUSE_REPORTS,
    });
    console.log(table(audits));
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
