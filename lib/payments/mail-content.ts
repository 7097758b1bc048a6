import { formatMoney } from "../money";
import type { CurrencyCode } from "../qfpay/currencies";
import { isCurrencyCode } from "../qfpay/currencies";
import type { Wallet } from "../qfpay/pay-types";
import { mailWords } from "./mail-words";

/** What a receipt or a refund confirmation says, read from the rows before it is written out. */
export interface MailFacts {
  kind: "receipt" | "refund";
  orderId: string;
  items: { sku?: string; name: string; quantity: number; unitPrice: number }[];
  currency: string;
  total: number;
  wallet: Wallet;
  /** QFPay's transaction number of the payment. */
  syssn: string | null;
  /** The signed link that opens the order in any browser. */
  orderLink: string;
  /** A refund confirmation's own amount and QFPay number, and what has gone back in all. */
  refund?: { amount: number; syssn: string | null; refundedTotal: number };
  /** The language the order was placed in: the message is written in it. */
  locale?: string;
  /** Who processed the payment, by name (its numbers are that provider's). */
  provider: string;
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

type Words = ReturnType<typeof mailWords>;

function money(minor: number, currency: string, locale: string): string {
  return isCurrencyCode(currency)
    ? formatMoney(minor, currency as CurrencyCode, locale)
    : `${minor} ${currency} (minor units)`;
}

/** Item names come from the catalog and links from the configuration, but nothing reaches HTML unescaped. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The lines both parts share, as label and value. */
function facts(input: MailFacts, { t, locale }: Words): [string, string][] {
  const wallet = t(`wallets.${input.wallet}`);
  const sum = (minor: number) => money(minor, input.currency, locale);
  const rows: [string, string][] = [[t("mail.order"), input.orderId]];
  if (input.refund) {
    rows.push([t("mail.refundedNow"), sum(input.refund.amount)]);
    rows.push([
      t("mail.refundedInAll"),
      t("mail.ofTotal", { refunded: sum(input.refund.refundedTotal), total: sum(input.total) }),
    ]);
    rows.push([t("mail.backTo"), wallet]);
    if (input.refund.syssn) rows.push([t("mail.refundNumber", { provider: input.provider }), input.refund.syssn]);
    if (input.syssn) rows.push([t("mail.paymentNumber", { provider: input.provider }), input.syssn]);
  } else {
    rows.push([t("mail.totalPaid"), sum(input.total)]);
    rows.push([t("mail.paidWith"), wallet]);
    if (input.syssn) rows.push([t("mail.transactionNumber", { provider: input.provider }), input.syssn]);
  }
  return rows;
}

export function mailContent(input: MailFacts): MailContent {
  const words = mailWords(input.locale ?? "en");
  const { t, locale } = words;
  const shop = t("mail.shop");
  const refund = input.kind === "refund";
  const subject = refund ? t("mail.subjectRefund", { shop }) : t("mail.subjectReceipt", { shop });
  const opening = refund
    ? t("mail.openingRefund", { amount: money(input.refund?.amount ?? 0, input.currency, locale) })
    : t("mail.openingReceipt");
  const rows = facts(input, words).map(([label, value]) => ({ label, value, line: t("mail.row", { label, value }) }));
  const lines = input.items.map((item) => ({
    label: `${item.quantity} × ${words.itemName(item)}`,
    amount: money(item.unitPrice * item.quantity, input.currency, locale),
  }));
  const link = t("mail.link");
  const total = t("mail.total");

  const text = [
    opening,
    "",
    ...rows.map((row) => row.line),
    "",
    ...lines.map((line) => `${line.label}  ${line.amount}`),
    `${total}  ${money(input.total, input.currency, locale)}`,
    "",
    link,
    input.orderLink,
    "",
    shop,
    "",
  ].join("\n");

  const cell = 'style="padding:4px 12px 4px 0;text-align:left"';
  const html = [
    "<!doctype html>",
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;color:#1f2a24;line-height:1.5">',
    `<p>${escapeHtml(opening)}</p>`,
    "<table>",
    ...rows.map(({ label, value }) => `<tr><th ${cell}>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    "</table>",
    "<table>",
    ...lines.map((line) => `<tr><td ${cell}>${escapeHtml(line.label)}</td><td>${escapeHtml(line.amount)}</td></tr>`),
    `<tr><th ${cell}>${escapeHtml(total)}</th><td><strong>${escapeHtml(money(input.total, input.currency, locale))}</strong></td></tr>`,
    "</table>",
    `<p>${escapeHtml(link)} <a href="${escapeHtml(input.orderLink)}">${escapeHtml(input.orderLink)}</a></p>`,
    `<p>${escapeHtml(shop)}</p>`,
    "</body></html>",
    "",
  ].join("\n");
  return { subject, text, html };
}
