import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { orders } from "@/lib/db/schema/orders";
import { orderFilterSchema } from "@/lib/payments/order-filter";
import { listOrders } from "@/lib/payments/store/order-list";
import { ordersCsv } from "@/lib/admin/orders-csv";
import { createTestDatabase } from "../support/test-database";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  const order = (id: string, mode: "sandbox" | "live" | null) => ({
    id,
    mode,
    ownerSessionId: "s",
    email: "a@b.co",
    currency: "HKD",
    total: 1000,
    state: "paid" as const,
  });
  await database.db
    .insert(orders)
    .values([order("sandbox-order", "sandbox"), order("live-order", "live"), order("old-order", null)]);
});
afterAll(async () => {
  await database?.close();
});

const ids = async (query: Record<string, string>, mode: "sandbox" | "live") =>
  (await listOrders(database.db, orderFilterSchema.parse(query), mode)).rows.map((row) => row.id).sort();

it("shows the orders of the mode the shop runs in (and those from before modes were recorded), every mode when asked", async () => {
  expect(await ids({}, "live")).toEqual(["live-order", "old-order"]);
  expect(await ids({}, "sandbox")).toEqual(["old-order", "sandbox-order"]);
  expect(await ids({ mode: "all" }, "live")).toEqual(["live-order", "old-order", "sandbox-order"]);
  expect(await ids({ mode: "sandbox" }, "live")).toEqual(["old-order", "sandbox-order"]);
  expect(await ids({ mode: "nonsense" }, "live")).toEqual(["live-order", "old-order"]);
});

it("marks each order's mode in the CSV", async () => {
  const { rows } = await listOrders(database.db, orderFilterSchema.parse({ mode: "all" }), "live");
  const csv = ordersCsv(rows).split("\r\n");
  expect(csv[0]!.endsWith(",mode")).toBe(true);
  expect(csv.find((line) => line.startsWith("sandbox-order,"))!.endsWith(",sandbox")).toBe(true);
});

it("finds an order by its number however it is typed, and by its id", async () => {
  const [row] = await database.db.select({ number: orders.number }).from(orders).where(eq(orders.id, "live-order"));
  const number = row!.number;
  expect(number).toMatch(/^HT-\w{4}-\w{4}$/);
  expect(await ids({ q: number, mode: "all" }, "live")).toEqual(["live-order"]);
  expect(await ids({ q: number.toLowerCase().replaceAll("-", " "), mode: "all" }, "live")).toEqual(["live-order"]);
  expect(await ids({ q: "live-order", mode: "all" }, "live")).toEqual(["live-order"]);
  expect(await ids({ q: "HT-2222-2222", mode: "all" }, "live")).toEqual([]);
  const listed = await listOrders(database.db, orderFilterSchema.parse({ q: number }), "live");
  expect(listed.rows[0]!.number).toBe(number);
});
