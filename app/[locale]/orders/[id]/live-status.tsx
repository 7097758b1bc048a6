"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { StatusIcon } from "@/app/_components/status-icon";
import type { StatusTone } from "@/lib/payments/order-status";
import { statusKeyOf } from "@/lib/payments/status-key";
import type { OrderState } from "@/lib/payments/types";

const POLL_MS = 1_500;

/**
 * The order's status, kept current: while the payment is open it asks the server every second and a
 * half, and re-renders the page the moment the state moves (paid, failed, expired).
 */
export function LiveStatus({
  orderId,
  token,
  text,
  tone,
  stateKey,
  final,
}: {
  orderId: string;
  token?: string;
  text: string;
  tone: StatusTone;
  stateKey: string;
  final: boolean;
}) {
  const t = useTranslations("orderStatus");
  const router = useRouter();
  const [shown, setShown] = useState({ text, tone });
  useEffect(() => {
    if (final) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const url = `/api/orders/${orderId}/status${token ? `?t=${encodeURIComponent(token)}` : ""}`;
    async function poll() {
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (response.ok) {
          const status = (await response.json()) as {
            state: OrderState;
            attemptState: string | null;
            statusText: string;
            tone: StatusTone;
          };
          if (stopped) return;
          setShown({ text: t(statusKeyOf(status.state, status.attemptState)), tone: status.tone });
          if (`${status.state}:${status.attemptState}` !== stateKey) {
            router.refresh();
            return;
          }
        }
      } catch {
        // Offline for a moment: try again on the next tick.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    }
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [orderId, token, stateKey, final, router, t]);
  return (
    <p role="status" aria-live="polite" className={`order-status status-badge status-badge-large status-${shown.tone}`}>
      <StatusIcon tone={shown.tone} />
      {shown.text}
    </p>
  );
}
