"use client";

import { useEffect, useSyncExternalStore } from "react";

function subscribe(onTick: () => void): () => void {
  const timer = setInterval(onTick, 1000);
  return () => clearInterval(timer);
}
const nowInSeconds = () => Math.floor(Date.now() / 1000);
// The server cannot know the shopper's clock: it renders a placeholder, never a wrong time.
const noClockOnServer = () => null;

/** Minutes and seconds left until `expiresAt`. */
export function Countdown({ expiresAt, onExpire }: { expiresAt: string; onExpire?: () => void }) {
  const now = useSyncExternalStore(subscribe, nowInSeconds, noClockOnServer);
  const left = now === null ? null : Math.max(0, Math.floor(Date.parse(expiresAt) / 1000) - now);
  useEffect(() => {
    if (left === 0) onExpire?.();
  }, [left, onExpire]);
  return (
    <time role="timer" aria-live="off" dateTime={expiresAt}>
      {left === null ? "–:––" : `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`}
    </time>
  );
}
