import type { StatusTone } from "@/lib/payments/order-status";

/** One line drawing per tone, 24-unit grid, stroked in the text's colour. */
const PATHS: Record<StatusTone, string> = {
  pending: "M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z",
  paid: "m8 12.5 2.8 2.8L16.5 9.5M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z",
  failed: "m9 9 6 6m0-6-6 6M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z",
  expired: "M7 3h10M7 21h10M8 3c0 4 8 5 8 9s-8 5-8 9M16 3c0 4-8 5-8 9s8 5 8 9",
  refunded: "M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3",
};

/** The state's icon; decorative, since its text is always beside it. */
export function StatusIcon({ tone }: { tone: StatusTone }) {
  return (
    <svg
      className="status-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[tone]} />
    </svg>
  );
}
