import type { StatusTone } from "@/lib/payments/order-status";
import { StatusIcon } from "./status-icon";

/** A state at a glance: its colour, its icon and its words together. */
export function StatusBadge({ tone, text, large = false }: { tone: StatusTone; text: string; large?: boolean }) {
  return (
    <span className={`status-badge status-${tone}${large ? " status-badge-large" : ""}`}>
      <StatusIcon tone={tone} />
      {text}
    </span>
  );
}
