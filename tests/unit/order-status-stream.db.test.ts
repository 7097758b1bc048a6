import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/lib/db/connection";
import type { PaymentsContext } from "@/lib/payments/context";
import { readOrderProgress, readStoredProgress } from "@/lib/payments/order-status";
import { createOrderStatusFeed, type OrderStatusFeed } from "@/lib/web/order-status-feed";
import {
  EVENT_STREAM_HEADERS,
  openOrderStatusStream,
  openStatusStreams,
  type StatusStreamTiming,
} from "@/lib/web/order-status-stream";
import { checkout } from "../support/payments-helpers";
import { serve, type RunningServer } from "../support/http-server";
import { shopForThisFile } from "../support/shop-harness";
import type { TestDatabaseHandle } from "../support/test-database";

// The order page's stream over real HTTP: the state at once, the payment the moment its notification is
// applied (the sandbox notifying the shop's route over HTTP), heartbeats, a bounded life, and nothing
// left behind when the browser goes. On PostgreSQL a second instance (its own pool, listener and
// stream) hears the payment the first one applied.
const shop = shopForThisFile();

/** One instance's events route: its database, its feed; only the timings are the test's. */
function eventsRoute(ctx: PaymentsContext, feed: OrderStatusFeed, timing: () => Partial<StatusStreamTiming>) {
  return async (request: Request) => {
    const id = new URL(request.url).pathname.split("/")[3]!;
    const opening = await openOrderStatusStream({
      orderId: id,
      feed,
      read: () => readStoredProgress(ctx, id),
      recheck: () => readOrderProgress(ctx, id),
      signal: request.signal,
      log: ctx.log,
      timing: timing(),
    });
    if (opening.kind !== "stream") return new Response(opening.kind, { status: opening.kind === "busy" ? 503 : 404 });
    return new Response(opening.body, { headers: EVENT_STREAM_HEADERS });
  };
}

let timing: Partial<StatusStreamTiming> = {};
let feed: OrderStatusFeed;
let server: RunningServer;
let other: { database: DatabaseHandle; feed: OrderStatusFeed; server: RunningServer } | null = null;
beforeAll(async () => {
  feed = createOrderStatusFeed(shop.database.listen, 10);
  server = await serve(eventsRoute(shop.ctx, feed, () => timing));
  const url = (shop.database as TestDatabaseHandle).url;
  if (url) {
    const database = await openDatabase({ url });
    const otherFeed = createOrderStatusFeed(database.listen, 10);
    const ctx = { ...shop.ctx, db: database.db };
    other = { database, feed: otherFeed, server: await serve(eventsRoute(ctx, otherFeed, () => timing)) };
  }
});
afterAll(async () => {
  await server?.close();
  await other?.server.close();
  await other?.database.close();
});
afterEach(() => {
  timing = {};
});

interface StreamReader {
  response: Response;
  /** The next event (`status` events parsed), or null once the stream has ended. */
  next(): Promise<{ event: string; data: string; comment?: string; retry?: string } | null>;
  close(): void;
}

function openStream(base: string, orderId: string): Promise<StreamReader> {
  const abort = new AbortController();
  return fetch(`${base}/api/orders/${orderId}/events`, {
    headers: { Accept: "text/event-stream" },
    signal: abort.signal,
  }).then((response) => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    return {
      response,
      async next() {
        for (;;) {
          const end = buffer.indexOf("\n\n");
          if (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const field = (name: string) =>
              block
                .split("\n")
                .find((line) => line.startsWith(`${name}:`))
                ?.slice(name.length + 1)
                .trim();
            return {
              event: field("event") ?? "",
              data: field("data") ?? "",
              comment: block.startsWith(":") ? block : undefined,
              retry: field("retry"),
            };
          }
          const { done, value } = await reader.read();
          if (done) return null;
          buffer += value;
        }
      },
      close: () => abort.abort(),
    };
  });
}

async function nextStatus(stream: StreamReader) {
  for (;;) {
    const event = await stream.next();
    if (!event) return null;
    if (event.event === "status")
      return JSON.parse(event.data) as { state: string; statusText: string; final: boolean };
  }
}

async function until(check: () => boolean, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
}

it("sends the state at once, then Paid the moment the notification is applied, and ends there", async () => {
  const { orderId, attempt } = await checkout(shop);
  const stream = await openStream(server.url, orderId);
  expect(stream.response.status).toBe(200);
  expect(stream.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  expect(stream.response.headers.get("cache-control")).toBe("no-cache, no-transform");
  expect(stream.response.headers.get("x-accel-buffering")).toBe("no");
  expect((await stream.next())?.retry).toBe("3000");
  expect(await nextStatus(stream)).toMatchObject({ state: "awaiting_payment", statusText: "Awaiting payment" });

  const paidAt = performance.now();
  expect((await shop.control({ action: "pay", syssn: attempt.syssn })).status).toBe(200);
  expect(await nextStatus(stream)).toMatchObject({ state: "paid", statusText: "Paid", final: true });
  expect(performance.now() - paidAt).toBeLessThan(2_000);
  expect(await stream.next()).toBeNull();
  expect(await until(() => feed.size() === 0)).toBe(true);
});

it("beats while nothing moves, and ends by itself when its time is up, releasing its subscription", async () => {
  timing = { heartbeatMs: 30, lifetimeMs: 400 };
  const before = openStatusStreams();
  const { orderId } = await checkout(shop);
  const stream = await openStream(server.url, orderId);
  await nextStatus(stream);
  expect(feed.size()).toBe(1);
  expect((await stream.next())?.comment).toBe(": keep-alive");
  for (let event = await stream.next(); event; event = await stream.next()) expect(event.comment).toBeDefined();
  expect(feed.size()).toBe(0);
  expect(openStatusStreams()).toBe(before);
});

it("lets go of everything when the browser goes away", async () => {
  const before = openStatusStreams();
  const { orderId } = await checkout(shop);
  const stream = await openStream(server.url, orderId);
  await nextStatus(stream);
  expect(feed.size()).toBe(1);
  expect(openStatusStreams()).toBe(before + 1);
  stream.close();
  expect(await until(() => feed.size() === 0 && openStatusStreams() === before)).toBe(true);
});

it("drops a client that stops reading once its queue is full, releasing its subscription", async () => {
  const { orderId } = await checkout(shop);
  const opening = await openOrderStatusStream({
    orderId,
    feed,
    read: () => readStoredProgress(shop.ctx, orderId),
    recheck: () => readOrderProgress(shop.ctx, orderId),
    signal: new AbortController().signal,
    log: shop.ctx.log,
    timing: { heartbeatMs: 1 },
  });
  if (opening.kind !== "stream") throw new Error(`no stream: ${opening.kind}`);
  expect(feed.size()).toBe(1);
  // Nobody reads: the heartbeats pile up to the queue's limit (16 kB), and the stream gives up on its client.
  expect(await until(() => feed.size() === 0, 15_000)).toBe(true);
  const reader = opening.body.getReader();
  await expect(
    (async () => {
      while (!(await reader.read()).done);
    })(),
  ).rejects.toThrow("stopped reading");
});

it("answers 404 for an order that does not exist, and holds no subscription for it", async () => {
  const response = await fetch(`${server.url}/api/orders/AAAAAAAAAAAAAAAAAAAAAA/events`);
  expect(response.status).toBe(404);
  expect(feed.size()).toBe(0);
});

it.runIf(process.env.TEST_DB_ENGINE === "postgres")(
  "pushes Paid from a second instance on the same PostgreSQL, where the payment was applied by the first",
  async () => {
    const { orderId, attempt } = await checkout(shop);
    const stream = await openStream(other!.server.url, orderId);
    expect(await nextStatus(stream)).toMatchObject({ state: "awaiting_payment" });
    expect(other!.feed.size()).toBe(1);
    expect((await shop.control({ action: "pay", syssn: attempt.syssn })).status).toBe(200);
    expect(await nextStatus(stream)).toMatchObject({ state: "paid", statusText: "Paid" });
    expect(await stream.next()).toBeNull();
  },
);
