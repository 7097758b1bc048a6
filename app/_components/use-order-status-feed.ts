"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { StatusTone } from "@/lib/payments/order-status";

const POLL_MS = 1_500;
/** Errors in a row, without a status event between them, before the page gives the stream up for polling. */
const STREAM_FAILURES = 2;

export interface OrderStatusNews {
  state: string;
  attemptState: string | null;
  statusText: string;
  tone: StatusTone;
}

/** How the page hears of its order: the stream, polling (its fallback), or not at all (final state). */
export type FeedMode = "stream" | "polling" | "idle";

/**
 * Follows an order's status while it can still move: pushed by the server over Server-Sent Events
 * (/api/orders/[id]/events), or, when EventSource is missing or the stream keeps failing (a proxy that
 * buffers, a refusal, a process full), by asking /api/orders/[id]/status every second and a half.
 * Returns the latest news (none until some comes: the page's render stands until then); once the state differs
 * from `stateKey` (the state the page was rendered in) the feed stops and the page is read again. Only
 * one of the two runs at a time, with one timer.
 */
export function useOrderStatusFeed({
  orderId,
  token,
  stateKey,
  final,
}: {
  orderId: string;
  token?: string;
  stateKey: string;
  final: boolean;
}): { news: OrderStatusNews | null; mode: FeedMode } {
  const router = useRouter();
  const [heard, setHeard] = useState<OrderStatusNews | null>(null);
  const [mode, setMode] = useState<FeedMode>("idle");
  useEffect(() => {
    if (final) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | null = null;
    const query = token ? `?t=${encodeURIComponent(token)}` : "";

    // True once the state moved: the page is re-rendered and this feed has nothing more to do.
    const hear = (news: OrderStatusNews) => {
      if (stopped) return true;
      const moved = `${news.state}:${news.attemptState}` !== stateKey;
      setHeard(news);
      if (moved) {
        stop();
        router.refresh();
      }
      return moved;
    };
    function stop() {
      stopped = true;
      clearTimeout(timer);
      source?.close();
      source = null;
    }

    async function poll() {
      try {
        const response = await fetch(`/api/orders/${orderId}/status${query}`, { cache: "no-store" });
        if (response.ok && hear((await response.json()) as OrderStatusNews)) return;
      } catch {
        // Offline for a moment: try again on the next tick.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    }
    function fallBack() {
      source?.close();
      source = null;
      if (stopped) return;
      setMode("polling");
      clearTimeout(timer);
      timer = setTimeout(poll, POLL_MS);
    }

    if (typeof EventSource === "undefined") {
      fallBack();
    } else {
      let failures = 0;
      let heard = false;
      source = new EventSource(`/api/orders/${orderId}/events${query}`);
      source.addEventListener("status", (event) => {
        failures = 0;
        heard = true;
        setMode("stream");
        hear(JSON.parse((event as MessageEvent<string>).data) as OrderStatusNews);
      });
      // The server ends each stream after a few minutes and the browser reconnects by itself (an error
      // event, then a status event again). A refusal closes the source; a stream that never opened, or
      // errors in a row, mean it is not working here (a proxy, a network that drops it): poll instead.
      source.addEventListener("error", () => {
        if (source?.readyState === EventSource.CLOSED || !heard || ++failures >= STREAM_FAILURES) fallBack();
      });
    }
    return stop;
  }, [orderId, token, stateKey, final, router]);
  return { news: heard, mode };
}
