import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { logger } from "@/lib/log";
import { insertOrder, readOrder } from "@/lib/payments/store/orders";
import { transaction } from "@/lib/payments/store/transaction";
import { createTestDatabase } from "../support/test-database";

// The log is what a merchant reads when something went wrong: an order event in it must be one the
// database holds. A transaction's events reach the log after its commit, and never when it rolls back.
let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
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

function loggedEventsOf(spy: { mock: { calls: unknown[][] } }, orderId: string) {
  return spy.mock.calls
    .map(([line]) => line as { event?: string; orderId?: string; type?: string })
    .filter((line) => line.event === "order.event" && line.orderId === orderId);
}

it("logs the events of a committed transaction once it has committed, and none of one rolled back", async () => {
  const info = vi.spyOn(logger, "info");
  try {
    let loggedInside = -1;
    await transaction(database.db, async (tx) => {
      await insertOrder(tx, order("committed-order-0001"), [item]);
      loggedInside = loggedEventsOf(info, "committed-order-0001").length;
    });
    expect(loggedInside).toBe(0);
    expect(loggedEventsOf(info, "committed-order-0001").map((line) => line.type)).toEqual(["order.created"]);
    expect(await readOrder(database.db, "committed-order-0001")).toBeDefined();

    await expect(
      transaction(database.db, async (tx) => {
        await insertOrder(tx, order("rolled-back-order-01"), [item]);
        throw new Error("the work failed after the event was written");
      }),
    ).rejects.toThrow("the work failed");
    expect(await readOrder(database.db, "rolled-back-order-01")).toBeUndefined();
    expect(loggedEventsOf(info, "rolled-back-order-01")).toEqual([]);
  } finally {
    info.mockRestore();
  }
});
