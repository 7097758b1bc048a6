import { createServer } from "node:http";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/lib/db/connection";

/**
 * The database's floor, for `npm run bench`: a bare Node HTTP server (no Next, no proxy, no verification)
 * that does what a notification costs the database at the least: in one transaction, one insert (the
 * notification recorded) and one guarded update (the payment taken from pending to paid once). It opens
 * the database exactly as the shop does (lib/db/connection.ts: the same driver, pool and PGlite settings),
 * so the shop's notifications measured against it show how much of their cost is the framework and the
 * shop's own work, and how much is the database's.
 *
 * FLOOR_PORT, FLOOR_PAYMENTS (how many pending payments to start with), and FLOOR_DATABASE_URL (PostgreSQL)
 * or FLOOR_PGLITE_DIR. Prints "ready" once it listens.
 */

async function main() {
  const handle = await openDatabase(
    process.env.FLOOR_DATABASE_URL
      ? { url: process.env.FLOOR_DATABASE_URL }
      : { dataDir: process.env.FLOOR_PGLITE_DIR },
  );
  const { db } = handle;
  await db.execute(sql`create table if not exists floor_payments (id integer primary key, state text not null)`);
  await db.execute(
    sql`create table if not exists floor_notifications (id bigserial primary key, payment_id integer not null, body text not null, received_at timestamptz not null default now())`,
  );
  await db.execute(
    sql`insert into floor_payments select n, 'pending' from generate_series(1, ${Number(process.env.FLOOR_PAYMENTS)}) n on conflict do nothing`,
  );

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const paymentId = Number(new URL(request.url ?? "/", "http://floor").searchParams.get("payment"));
      const body = Buffer.concat(chunks).toString("utf8");
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into floor_notifications (payment_id, body) values (${paymentId}, ${body})`);
        await tx.execute(sql`update floor_payments set state = 'paid' where id = ${paymentId} and state = 'pending'`);
      }).then(
        () => response.end("SUCCESS"),
        () => {
          response.statusCode = 500;
          response.end("FAIL");
        },
      );
    });
  });
  server.listen(Number(process.env.FLOOR_PORT), "127.0.0.1", () => console.log("ready"));
  process.on("SIGTERM", () => {
    server.close();
    void handle.close().then(() => process.exit(0));
  });
}

void main();
