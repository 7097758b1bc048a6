import { formatMoney } from "../money";
import type { CurrencyCode } from "../qfpay/currencies";
import { isCurrencyCode } from "../qfpay/currencies";
import { WALLET_NAMES, type Wallet } from "../qfpay/pay-types";

/** What a receipt or a refund confirmation says, read from the rows before it is written out. */
export interface MailFacts {
  kind: "receipt" | "refund";
  orderId: string;
  items: { name: string; quantity: number; unitPrice: number }[];
  currency: string;
  total: number;
  wallet: Wallet;
  /** QFPay's transaction number of the payment. */
  syssn: string | null;
  /** The signed link that opens the order in any browser. */
  orderLink: string;
  /** A refund confirmation's own amount and QFPay number, and what has gone back in all. */
  refund?: { amount: number; syssn: string | null; refundedTotal: number };
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const SHOP = "Harbour Tea & Goods";

function money(minor: number, currency: string): string {
  return isCurrencyCode(currency) ? formatMoney(minor, currency as CurrencyCode) : `${minor} ${currency} (minor units)`;
}

/** Item names come from the catalog and links from the configuration, but nothing reaches HTML unescaped. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The lines both parts share, as label and value. */
function facts(input: MailFacts): [string, string][] {
  const wallet = WALLET_NAMES[input.wallet];
  const rows: [string, string][] = [["Order", input.orderId]];
  if (input.refund) {
    rows.push(["Refunded now", money(input.refund.amount, input.currency)]);
    rows.push([
      "Refunded in all",
      `${money(input.refund.refundedTotal, input.currency)} of ${money(input.total, input.currency)}`,
    ]);
    rows.push(["Back to", wallet]);
    if (input.refund.syssn) rows.push(["QFPay refund number", input.refund.syssn]);
    if (input.syssn) rows.push(["QFPay payment number", input.syssn]);
  } else {
    rows.push(["Total paid", money(input.total, input.currency)]);
    rows.push(["Paid with", wallet]);
    if (input.syssn) rows.push(["QFPay transaction number", input.syssn]);
  }
  return rows;
}

export function mailContent(input: MailFacts): MailContent {
  const refund = input.kind === "refund";
  const subject = refund ? `${SHOP}: your refund` : `${SHOP}: your receipt`;
  const opening = refund
    ? `Your refund of ${money(input.refund?.amount ?? 0, input.currency)} has been made.`
    : "Thank you for your order. Your payment has been received.";
  const rows = facts(input);
  const lines = input.items.map((item) => ({
    label: `${item.quantity} × ${item.name}`,
    amount: money(item.unitPrice * item.quantity, input.currency),
  }));
  const link = "See your order at any time:";

  const text = [
    opening,
    "",
    ...rows.map(([label, value]) => `${label}: ${value}`),
    "",
    ...lines.map((line) => `${line.label}  ${line.amount}`),
    `Total  ${money(input.total, input.currency)}`,
    "",
    link,
    input.orderLink,
    "",
    `${SHOP}`,
    "",
  ].join("\n");

  const cell = 'style="padding:4px 12px 4px 0;text-align:left"';
  const html = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;color:#1f2a24;line-height:1.5">',
    `<p>${escapeHtml(opening)}</p>`,
    "<table>",
    ...rows.map(([label, value]) => `<tr><th ${cell}>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    "</table>",
    "<table>",
    ...lines.map((line) => `<tr><td ${cell}>${escapeHtml(line.label)}</td><td>${escapeHtml(line.amount)}</td></tr>`),
    `<tr><th ${cell}>Total</th><td><strong>${escapeHtml(money(input.total, input.currency))}</strong></td></tr>`,
    "</table>",
    `<p>${escapeHtml(link)} <a href="${escapeHtml(input.orderLink)}">${escapeHtml(input.orderLink)}</a></p>`,
    `<p>${escapeHtml(SHOP)}</p>`,
    "</body></html>",
    "",
  ].join("\n");
  return { subject, text, html };
}
