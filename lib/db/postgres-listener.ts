import "server-only";
import type { Client, Notification } from "pg";
import { errorField, logger } from "../log";

/** What a listener is told: a notification's payload, or that some may have been missed (a reconnect). */
export interface ChannelHandlers {
  onPayload(payload: string): void;
  onGap(): void;
}

/** `ready` settles once the first LISTEN is in place (or failed: then the listener has stopped). */
export interface ChannelListening {
  ready: Promise<void>;
  stop(): Promise<void>;
}

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 15_000;

/**
 * LISTENs on one channel over a connection of its own, outside the pool: a pooled connection goes back to
 * the pool (and through a transaction pooler such as Neon's, LISTEN does not work at all), so `url` is the
 * direct one. One per process, however many pages wait: the caller fans out. When the connection breaks
 * (a restart, a failover, a dead network seen by TCP keep-alive) it connects again with backoff and
 * reports a gap, since notifications sent meanwhile are lost; the caller then reads again.
 */
export function listenOnPostgres(url: string, channel: string, handlers: ChannelHandlers): ChannelListening {
  let client: Client | null = null;
  let stopped = false;
  let retryMs = FIRST_RETRY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let connected = false;

  const onNotification = (message: Notification) => {
    if (message.channel === channel) handlers.onPayload(message.payload ?? "");
  };

  function broken(this: Client, error?: Error) {
    if (client !== this) return; // an old connection's late event
    client = null;
    if (error) logger.warn({ event: "db.listen.lost", channel, error: errorField(error) });
    this.removeAllListeners("notification");
    void this.end().catch(() => undefined);
    if (!stopped) schedule();
  }

  function schedule() {
    timer = setTimeout(() => void connect(), retryMs);
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  }

  async function connect(): Promise<boolean> {
    const { Client } = await import("pg");
    const next = new Client({ connectionString: url, keepAlive: true, application_name: "shop-listen" });
    client = next;
    next.on("notification", onNotification);
    next.on("error", broken);
    next.on("end", broken);
    try {
      await next.connect();
      // The channel is ours (a constant), quoted as an identifier all the same.
      await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    } catch (error) {
      // The first failure is the caller's to handle (it falls back); later ones are retried here.
      if (!connected) stopped = true;
      if (client === next) broken.call(next, error as Error);
      return false;
    }
    if (stopped || client !== next) return false;
    retryMs = FIRST_RETRY_MS;
    // The first connection missed nothing a subscriber had not read yet; a later one may have.
    if (connected) handlers.onGap();
    connected = true;
    return true;
  }

  async function stop() {
    stopped = true;
    clearTimeout(timer);
    const last = client;
    client = null;
    if (last) {
      last.removeAllListeners("notification");
      await last.end().catch(() => undefined);
    }
  }

  const ready = connect().then((ok) => {
    if (!ok) throw new Error(`LISTEN ${channel} failed`);
  });
  return { ready, stop };
}
