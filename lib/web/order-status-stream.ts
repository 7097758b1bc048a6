import "server-only";
import { errorField, type Logger } from "../log";
import type { OrderProgress } from "../payments/order-status";
import type { OrderStatusFeed } from "./order-status-feed";

export interface StatusStreamTiming {
  /** A comment line this often, so that proxies and the browser see the connection alive. */
  heartbeatMs: number;
  /**
   * The stream ends after this, and the browser reconnects (after `retryMs`): a serverless function must
   * end (Vercel stops one at 300 s), and a connection that lives for ever holds a slot for ever.
   */
  lifetimeMs: number;
  /**
   * While the payment is open, the gateway is asked this often (at most once per spacing interval per
   * attempt, shared with every other reader): a decline, an expiry or an unknown outcome is never notified.
   */
  recheckMs: number;
  retryMs: number;
}

export const STATUS_STREAM_TIMING: StatusStreamTiming = {
  heartbeatMs: 15_000,
  lifetimeMs: 240_000,
  recheckMs: 3_000,
  retryMs: 3_000,
};

/**
 * Streams one process keeps open at most. Each costs a socket, a subscription and three timers (a few kB);
 * beyond this the route answers 503 and the page polls instead.
 */
export const MAX_OPEN_STREAMS = 1_000;
let openStreams = 0;

export function openStatusStreams(): number {
  return openStreams;
}

/**
 * Bytes queued for a client that does not read before it is dropped. A stream sends a few hundred bytes
 * in its lifetime, so only a client that stopped reading (or a buffering proxy) ever fills this.
 */
const QUEUE_LIMIT_BYTES = 16 * 1024;

export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: neither Next's compression nor a proxy may hold the events back to compress them.
  "Cache-Control": "no-cache, no-transform",
  // nginx buffers responses unless told not to.
  "X-Accel-Buffering": "no",
};

export interface StatusStreamSource {
  orderId: string;
  feed: OrderStatusFeed;
  /** The order's progress as the database holds it: what a commit's notification prompts. */
  read(): Promise<OrderProgress | null>;
  /** The same after asking the gateway about a payment still open: on opening, then every `recheckMs`. */
  recheck(): Promise<OrderProgress | null>;
  /** The request's: aborted when the browser goes away. */
  signal: AbortSignal;
  log: Logger;
  timing?: Partial<StatusStreamTiming>;
}

export type StatusStreamOpening =
  { kind: "stream"; body: ReadableStream<Uint8Array> } | { kind: "not-found" } | { kind: "busy" };

const encoder = new TextEncoder();

/**
 * The order's status as Server-Sent Events: a `retry:` hint and the current state at once, then the state
 * each time it moves (a `status` event whose data is what /api/orders/[id]/status answers), a comment as
 * heartbeat, and the end when the state is final or the lifetime is over. Subscribed before the first
 * read, so that no move between the read and the subscription is missed. Everything it holds is
 * released however it ends: final state, lifetime, the browser gone (abort or cancel), a client too slow.
 */
export async function openOrderStatusStream(source: StatusStreamSource): Promise<StatusStreamOpening> {
  const timing = { ...STATUS_STREAM_TIMING, ...source.timing };
  if (openStreams >= MAX_OPEN_STREAMS || source.signal.aborted) return { kind: "busy" };
  openStreams += 1;
  let missed = false;
  let refresh: (how: "read" | "recheck") => Promise<void> = async () => {
    missed = true;
  };
  let unsubscribe: () => void;
  try {
    unsubscribe = await source.feed.subscribe(source.orderId, () => void refresh("read"));
  } catch (error) {
    openStreams -= 1;
    source.log.warn({ event: "status_stream.unavailable", error: errorField(error) });
    return { kind: "busy" };
  }
  let first: OrderProgress | null;
  try {
    first = await source.recheck();
  } catch (error) {
    unsubscribe();
    openStreams -= 1;
    throw error;
  }
  if (!first) {
    unsubscribe();
    openStreams -= 1;
    return { kind: "not-found" };
  }

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let lastKey = "";
  const timers: ReturnType<typeof setTimeout>[] = [];

  // `dropped`: the client stopped reading; the response is aborted rather than ended, so that the socket
  // and what is queued for it go too, instead of waiting for a reader that never comes.
  const finish = (dropped?: unknown) => {
    if (closed) return;
    closed = true;
    timers.forEach(clearTimeout);
    source.signal.removeEventListener("abort", onAbort);
    unsubscribe();
    openStreams -= 1;
    try {
      if (dropped) controller.error(dropped);
      else controller.close();
    } catch {
      // Cancelled by the consumer already.
    }
  };
  const onAbort = () => finish();
  const send = (text: string) => {
    if (closed) return;
    if ((controller.desiredSize ?? 1) <= 0) return finish(new Error("the client stopped reading its status stream"));
    controller.enqueue(encoder.encode(text));
  };
  const sendProgress = (progress: OrderProgress) => {
    const key = `${progress.state}:${progress.attemptState}`;
    if (key === lastKey) return;
    lastKey = key;
    send(`event: status\ndata: ${JSON.stringify(progress)}\n\n`);
    if (progress.final) finish();
  };

  // One read at a time; news during a read asks for one more, so that bursts coalesce into few reads.
  let reading = false;
  let again = false;
  refresh = async (how) => {
    if (closed) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      let next = how;
      do {
        again = false;
        const progress = await (next === "recheck" ? source.recheck() : source.read());
        if (!progress) return finish();
        sendProgress(progress);
        next = "read";
      } while (again && !closed);
    } catch (error) {
      // The next news, recheck or reconnect reads again.
      source.log.warn({ event: "status_stream.read_failed", orderId: source.orderId, error: errorField(error) });
    } finally {
      reading = false;
    }
  };

  const body = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
        send(`retry: ${timing.retryMs}\n\n`);
        sendProgress(first);
        if (closed) return;
        if (source.signal.aborted) return finish();
        source.signal.addEventListener("abort", onAbort);
        timers.push(setInterval(() => send(": keep-alive\n\n"), timing.heartbeatMs));
        timers.push(setInterval(() => void refresh("recheck"), timing.recheckMs));
        timers.push(setTimeout(() => finish(), timing.lifetimeMs));
        if (missed) void refresh("read");
      },
      cancel: () => finish(),
    },
    { highWaterMark: QUEUE_LIMIT_BYTES, size: (chunk) => chunk.byteLength },
  );
  return { kind: "stream", body };
}
