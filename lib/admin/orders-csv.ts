import type { OrderRow } from "../payments/store/order-list";

const COLUMNS: [string, (row: OrderRow) => string | number | boolean | null][] = [
  ["order_id", (r) => r.id],
  ["created_at", (r) => r.createdAt.toISOString()],
  ["state", (r) => r.state],
  ["needs_review", (r) => r.needsReview],
  ["review_reason", (r) => r.reviewReason],
  ["wallet", (r) => r.wallet],
  ["pay_type", (r) => r.payType],
  ["amount_minor", (r) => r.total],
  ["refunded_minor", (r) => r.refundedTotal],
  ["currency", (r) => r.currency],
  ["email", (r) => r.email],
  ["out_trade_no", (r) => r.outTradeNo],
  ["syssn", (r) => r.syssn],
  ["mode", (r) => r.mode],
];

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(value: string | number | boolean | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function ordersCsv(rows: OrderRow[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(",")];
  for (const row of rows) lines.push(COLUMNS.map(([, get]) => csvField(get(row))).join(","));
  return lines.join("\r\n") + "\r\n";
}
