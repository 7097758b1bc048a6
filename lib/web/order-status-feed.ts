import "server-only";
import { listenToShopDatabase } from "../db/database";
import type { ChannelHandlers, ChannelListening } from "../db/postgres-listener";
import { ORDER_STATUS_CHANNEL } from "../payments/store/order-status-channel";

export type Listen = (channel: string, handlers: ChannelHandlers) => ChannelListening | Promise<ChannelListening>;

/** One process's subscribers to order status news, over one database listener. */
export interface OrderStatusFeed {
  /**
   * Calls `onNews` whenever a committed transaction moved this order (or notifications may have been
   * missed). Resolves once the listener is in place, so that a read made after it misses nothing; the
   * function it resolves to unsubscribes.
   */
  subscribe(orderId: string, onNews: () => void): Promise<() => void>;
  /** Open subscriptions, across orders. */
  size(): number;
}

/** How long the listener stays after its last subscriber left: a reconnecting page should not reopen it. */
const IDLE_CLOSE_MS = 30_000;

/**
 * Fans one listener out to every page waiting in this process, keyed by order id. The payload is only
 * ever a key to look up: an id nobody waits for is ignored, and a subscriber reads the state itself.
 * The listener opens with the first subscriber and closes a while after the last, so that an idle
 * serverless instance holds no database connection.
 */
export function createOrderStatusFeed(listen: Listen, idleCloseMs = IDLE_CLOSE_MS): OrderStatusFeed {
  const byOrder = new Map<string, Set<() => void>>();
  let count = 0;
  let listening: Promise<ChannelListening> | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const tell = (subscribers: Iterable<() => void>) => {
    for (const onNews of [...subscribers]) onNews();
  };
  const handlers: ChannelHandlers = {
    onPayload: (orderId) => tell(byOrder.get(orderId) ?? []),
    onGap: () => tell([...byOrder.values()].flatMap((set) => [...set])),
  };

  function start(): Promise<ChannelListening> {
    listening ??= (async () => {
      const opened = await listen(ORDER_STATUS_CHANNEL, handlers);
      await opened.ready;
      return opened;
    })().catch((error: unknown) => {
      listening = null; // the next subscriber tries again
      throw error;
    });
    return listening;
  }

  function stopWhenIdle() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (count > 0 || !listening) return;
      const closing = listening;
      listening = null;
      void closing.then((opened) => opened.stop()).catch(() => undefined);
    }, idleCloseMs);
    idleTimer.unref?.();
  }

  return {
    async subscribe(orderId, onNews) {
      clearTimeout(idleTimer);
      // Counted before the wait, so that the idle close cannot pick the listener this subscriber awaits.
      count += 1;
      try {
        await start();
      } catch (error) {
        count -= 1;
        if (count === 0) stopWhenIdle();
        throw error;
      }
      const entry = () => onNews();
      let set = byOrder.get(orderId);
      if (!set) byOrder.set(orderId, (set = new Set()));
      set.add(entry);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        set.delete(entry);
        if (set.size === 0 && byOrder.get(orderId) === set) byOrder.delete(orderId);
        count -= 1;
        if (count === 0) stopWhenIdle();
      };
    },
    size: () => count,
  };
}

// On globalThis, as the database is: `next dev` reloading this module must not open a second listener.
const holder = globalThis as typeof globalThis & { __orderStatusFeed?: OrderStatusFeed };

/** The running shop's feed, on its database: one listener per process. */
export function shopOrderStatusFeed(): OrderStatusFeed {
  return (holder.__orderStatusFeed ??= createOrderStatusFeed(listenToShopDatabase));
}
