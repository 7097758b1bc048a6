"use client";

import { useTranslations } from "next-intl";
import { StatusIcon } from "@/app/_components/status-icon";
import { useOrderStatusFeed } from "@/app/_components/use-order-status-feed";
import type { StatusTone } from "@/lib/payments/order-status";
import { statusKeyOf } from "@/lib/payments/status-key";
import type { OrderState } from "@/lib/payments/types";

/**
 * The order's status, kept current: while the payment is open the server pushes each move (polling when
 * the stream cannot be had), and the page is re-rendered the moment the state moves (paid, failed,
 * expired). `data-live` says which of the two is at work, for tests and for a curious developer.
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
  const { news, mode } = useOrderStatusFeed({ orderId, token, stateKey, final });
  // News from the server is put into the page's language here; until some comes, the page's render stands.
  const shown = news
    ? { text: t(statusKeyOf(news.state as OrderState, news.attemptState)), tone: news.tone }
    : { text, tone };
  return (
    <p
      role="status"
      aria-live="polite"
      data-live={mode === "idle" ? undefined : mode}
      className={`order-status status-badge status-badge-large status-${shown.tone}`}
    >
      <StatusIcon tone={shown.tone} />
      {shown.text}
    </p>
  );
}
