import { openDatabase } from "@/lib/db/connection";
import { freshDatabase } from "../reliability/test-databases";
import { startProductionServer } from "../support/production-server";

export interface ColdStart {
  /** Milliseconds from spawning `next start` to the catalog's first 200, one per run. */
  runs: number[];
  median: number;
  /** Migrations recorded before and after the runs: a cold start must apply none. */
  migrationsApplied: number;
}

/**
 * A built instance started as Vercel starts one (VERCEL=1, production, the deploy having migrated the
 * database already), timed from the process's spawn to the first page it serves: what a shopper waits
 * for when a request lands on a new instance.
 */
export async function measureColdStart(port: number, runs = 3): Promise<ColdStart> {
  const database = await freshDatabase("postgres", "");
  const url = "url" in database.server ? database.server.url : "";
  const count = async () => {
    const handle = await openDatabase({ url, migrations: "apply", poolSize: 1 });
    try {
      const { rows } = (await handle.db.execute(
        "select count(*)::int as n from drizzle.__drizzle_migrations",
      )) as unknown as { rows: { n: number }[] };
      return rows[0]!.n;
    } finally {
      await handle.close();
    }
  };
  try {
    const before = await count(); // migrates, as the deploy's build step does
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const server = await startProductionServer({
        port,
        database: { url },
        ready: "spawned",
        env: {
          VERCEL: "1",
          VERCEL_PROJECT_PRODUCTION_URL: `127.0.0.1:${port}`,
          SITE_URL: undefined,
          SESSION_SECRET: undefined,
        },
      });
      try {
        for (;;) {
          const answer = await fetch(`${server.baseUrl}/`).catch(() => null);
          await answer?.body?.cancel();
          if (answer?.status === 200) break;
          if (performance.now() - started > 60_000) throw new Error(`no first page after 60 s: ${server.errors()}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        times.push(Math.round(performance.now() - started));
      } finally {
        await server.stop();
      }
    }
    const after = await count();
    const sorted = [...times].sort((a, b) => a - b);
    return { runs: times, median: sorted[Math.floor(sorted.length / 2)]!, migrationsApplied: after - before };
  } finally {
    await database.drop();
  }
}
