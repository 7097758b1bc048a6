import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { insertOrder } from "@/lib/payments/store/orders";
import { ORDER_STATUS_CHANNEL } from "@/lib/payments/store/order-status-channel";
import { transaction } from "@/lib/payments/store/transaction";
import { moveOrder } from "@/lib/payments/store/transitions";
import { createOrderStatusFeed } from "@/lib/web/order-status-feed";
import { createTestDatabase, type TestDatabaseHandle } from "../support/test-database";

// The order page hears a move the moment it commits, whichever instance committed it: the move names
// the order on the database's channel inside its transaction, so a rollback names nothing, and every
// process's one listener hears the commits of all. On PostgreSQL the "other instance" is a second
// pool and listener on the same database, as a second server would be; PGlite has one process only.
let database: TestDatabaseHandle;
let other: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  other = database.url ? await openDatabase({ url: database.url }) : database;
});
afterAll(async () => {
  if (other !== database) await other?.close();
  await database?.close();
});

const order = (id: string) => ({
  id,
  ownerSessionId: "session",
  checkoutKey: `key-${id}`,
  mode: "sandbox" as const,
  email: "shopper@example.com",
  currency: "HKD",
  total: 12_800,
});
const item = { sku: "tea-1", name: "Tea", unitPrice: 12_800, quantity: 1 };

async function placeOrder(id: string) {
  await transaction(database.db, (tx) => insertOrder(tx, order(id), [item]));
}

/** Resolves with what `heard` holds once `done` says so, or what it held when the time ran out. */
async function waitFor<T>(heard: T[], done: (heard: T[]) => boolean, ms = 5_000): Promise<T[]> {
  const until = Date.now() + ms;
  while (!done(heard) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
  return heard;
}

it("names a committed move's order, and only its id, to a listener on another instance; a rollback names nothing", async () => {
  const payloads: string[] = [];
  const listening = other.listen(ORDER_STATUS_CHANNEL, { onPayload: (p) => payloads.push(p), onGap: () => {} });
  await listening.ready;
  try {
    await placeOrder("feed-rolled-back-0001");
    await placeOrder("feed-committed-00001");
    // Placing an order is a move too (to awaiting_payment): heard before the test proper starts.
    await waitFor(payloads, (p) => p.length >= 2);
    expect(payloads).toEqual(["feed-rolled-back-0001", "feed-committed-00001"]);
    payloads.length = 0;
    await expect(
      transaction(database.db, async (tx) => {
        await moveOrder(tx, "feed-rolled-back-0001", "expired", "test");
        throw new Error("the work failed after the move");
      }),
    ).rejects.toThrow("the work failed");
    await transaction(database.db, (tx) => moveOrder(tx, "feed-committed-00001", "expired", "test"));
    // Notifications arrive in commit order: once the committed one is here, a rolled-back one would be too.
    await waitFor(payloads, (p) => p.includes("feed-committed-00001"));
    expect(payloads).toEqual(["feed-committed-00001"]);
  } finally {
    await listening.stop();
  }
});

it("fans one listener out to the subscribers of the order moved, and stops hearing once unsubscribed", async () => {
  let listens = 0;
  const feed = createOrderStatusFeed((channel, handlers) => {
    listens += 1;
    return other.listen(channel, handlers);
  }, 50);
  const heard: string[] = [];
  await placeOrder("feed-fan-out-a-00001");
  await placeOrder("feed-fan-out-b-00001");
  const stopA1 = await feed.subscribe("feed-fan-out-a-00001", () => heard.push("a1"));
  const stopA2 = await feed.subscribe("feed-fan-out-a-00001", () => heard.push("a2"));
  const stopB = await feed.subscribe("feed-fan-out-b-00001", () => heard.push("b"));
  expect(listens).toBe(1);
  expect(feed.size()).toBe(3);

  await transaction(database.db, (tx) => moveOrder(tx, "feed-fan-out-a-00001", "paid", "test"));
  await waitFor(heard, (h) => h.length >= 2);
  expect(heard.sort()).toEqual(["a1", "a2"]);

  stopA1();
  heard.length = 0;
  await transaction(database.db, (tx) => moveOrder(tx, "feed-fan-out-a-00001", "refunded", "test"));
  await transaction(database.db, (tx) => moveOrder(tx, "feed-fan-out-b-00001", "expired", "test"));
  await waitFor(heard, (h) => h.includes("b"));
  expect(heard).toEqual(["a2", "b"]);
  stopA2();
  stopB();
  expect(feed.size()).toBe(0);
});

it.runIf(process.env.TEST_DB_ENGINE === "postgres")(
  "connects again when the listening connection is killed, and tells every subscriber to read again",
  async () => {
    const feed = createOrderStatusFeed((channel, handlers) => other.listen(channel, handlers));
    const heard: string[] = [];
    await placeOrder("feed-reconnect-00001");
    const stop = await feed.subscribe("feed-reconnect-00001", () => heard.push("news"));
    try {
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      try {
        const killed = await admin.query(
          "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'shop-listen' and datname = current_database()",
        );
        expect(killed.rowCount).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      // The gap: whatever moved while it was away may have been missed, so every subscriber reads again.
      await waitFor(heard, (h) => h.length >= 1);
      expect(heard).toEqual(["news"]);
      heard.length = 0;
      await transaction(database.db, (tx) => moveOrder(tx, "feed-reconnect-00001", "expired", "test"));
      await waitFor(heard, (h) => h.length >= 1);
      expect(heard).toEqual(["news"]);
    } finally {
      stop();
    }
  },
);
