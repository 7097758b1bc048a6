import { spawnSync } from "node:child_process";
import { makeLoopbackCertificate } from "../support/loopback-certificate";
import { ensureProductionBuild, startProductionServer, type ProductionServer } from "../support/production-server";
import { startRoundRobinProxy } from "../support/round-robin-proxy";
import { freshDatabase } from "../reliability/test-databases";
import {
  DATABASE_ENV,
  SKIPPED_ENV,
  INSTANCE_PORTS,
  INSTANCES_ADMIN_PASSWORD,
  INSTANCES_CRON_SECRET,
  INSTANCES_PROXY_PORT,
} from "./instances-env";

/**
 * Deploys the shop as Vercel would, on loopback: one build; the migrations run once, as the deploy's
 * build step (`npm run db:migrate`); then three instances on one PostgreSQL, each started with
 * VERCEL=1, no SITE_URL (the origin comes from VERCEL_PROJECT_PRODUCTION_URL), no SESSION_SECRET (the
 * demo generates one and shares it through the database) and no timers between requests; and an https
 * front that sends each request to the next instance.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!process.env.TEST_POSTGRES_URL) {
    if (process.env.CI)
      throw new Error("The many-instances test needs PostgreSQL: set TEST_POSTGRES_URL (.ci/run starts one).");
    console.log("Skipping the many-instances test: it needs PostgreSQL (set TEST_POSTGRES_URL).");
    process.env[SKIPPED_ENV] = "1";
    return async () => undefined;
  }
  ensureProductionBuild();
  const database = await freshDatabase("postgres", "");
  const url = "url" in database.server ? database.server.url : "";
  const migrated = spawnSync("npm", ["run", "--silent", "db:migrate"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: url } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(`npm run db:migrate failed: ${migrated.stderr}`);

  const certificate = makeLoopbackCertificate();
  const host = `127.0.0.1:${INSTANCES_PROXY_PORT}`;
  const servers: ProductionServer[] = await Promise.all(
    INSTANCE_PORTS.map((port) =>
      startProductionServer({
        port,
        database: { url },
        env: {
          VERCEL: "1",
          VERCEL_ENV: "production",
          VERCEL_PROJECT_PRODUCTION_URL: host,
          VERCEL_URL: host,
          SITE_URL: undefined,
          SESSION_SECRET: undefined,
          ADMIN_PASSWORD: INSTANCES_ADMIN_PASSWORD,
          CRON_SECRET: INSTANCES_CRON_SECRET,
          // The sandbox notifies the shop at its https origin, as QFPay does.
          NODE_EXTRA_CA_CERTS: certificate.certFile,
        },
      }),
    ),
  );
  const proxy = await startRoundRobinProxy({
    port: INSTANCES_PROXY_PORT,
    upstreams: INSTANCE_PORTS,
    cert: certificate.cert,
    key: certificate.key,
  });
  process.env[DATABASE_ENV] = url;
  // The test workers start after this: their own fetches then trust the front's certificate too.
  process.env.NODE_EXTRA_CA_CERTS = certificate.certFile;

  return async () => {
    await proxy.close();
    await Promise.all(servers.map((server) => server.stop()));
    const errors = servers.map((server) => server.errors().trim()).filter(Boolean);
    if (errors.length > 0) console.log(`Instances wrote to stderr:\n${errors.join("\n---\n")}`);
    await database.drop();
  };
}
