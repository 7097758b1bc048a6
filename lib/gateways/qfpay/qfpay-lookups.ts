import type { QfpayClient } from "../../qfpay/client";
import { queryWindowsFor, type QueryWindow } from "../../qfpay/query-window";
import type { QueryItem } from "../../qfpay/responses";
import { describeStatus, transactionStateOf } from "../../qfpay/status-codes";
import type { GatewayTruth, Requested, RefundTruth } from "../../payments/gateway";
import { refundRefusalReason } from "./qfpay-refund-reasons";

/** QFPay answers at most 100 rows a page: half that many numbers per query leaves room to spare. */
export const LOOK_UP_BATCH = 50;
const PAGE_SIZE = 100;

/**
 * What QFPay holds for these payments: one query per calendar month of up to LOOK_UP_BATCH numbers
 * (QFPay's query takes a comma list of out_trade_no and never searches across a month), each payment
 * searched in its month and in the neighbouring one near a month's boundary. A number QFPay could not be
 * asked about, or that a full page may have left for a second one, is missing from the answer.
 */
export async function lookUpQfpayPayments(
  client: QfpayClient,
  payments: readonly Requested[],
): Promise<Map<string, GatewayTruth>> {
  const found = new Map<string, QueryItem>();
  const unsure = new Set<string>();
  for (const { window, payments: group } of batchesOf(payments)) {
    const outcome = await client.query({
      out_trade_no: group.map((payment) => payment.outTradeNo).join(","),
      ...window,
      page_size: PAGE_SIZE,
    });
    const complete = outcome.kind === "accepted" && outcome.value.data.length < PAGE_SIZE;
    for (const { outTradeNo } of group) {
      const item =
        outcome.kind === "accepted"
          ? outcome.value.data.find(
              (row) => row.out_trade_no === outTradeNo && (row.order_type ?? "payment") === "payment",
            )
          : undefined;
      if (item) found.set(outTradeNo, item);
      else if (!complete) unsure.add(outTradeNo);
    }
  }
  const truths = new Map<string, GatewayTruth>();
  for (const { outTradeNo } of payments) {
    const item = found.get(outTradeNo);
    if (item || !unsure.has(outTradeNo)) truths.set(outTradeNo, truthOf(item));
  }
  return truths;
}

function truthOf(item: QueryItem | undefined): GatewayTruth {
  if (!item) return { kind: "absent" };
  const state = transactionStateOf(item.respcd);
  if (state === "paid")
    return { kind: "paid", syssn: item.syssn, amount: item.txamt ?? -1, currency: item.txcurrcd ?? "" };
  if (state === "pending") return { kind: "pending", syssn: item.syssn, code: item.respcd };
  const reason = item.errmsg || describeStatus(item.respcd);
  return state === "closed"
    ? { kind: "closed", syssn: item.syssn, code: item.respcd, reason }
    : { kind: "failed", syssn: item.syssn, code: item.respcd, reason };
}

/** Payments grouped by the month QFPay must search (one payment may be in two), LOOK_UP_BATCH at most per group. */
function batchesOf(payments: readonly Requested[]): { window: QueryWindow; payments: Requested[] }[] {
  const byMonth = new Map<string, { window: QueryWindow; payments: Requested[] }>();
  for (const payment of payments) {
    for (const window of queryWindowsFor(payment.requestTime)) {
      const month = byMonth.get(window.start_time) ?? { window, payments: [] };
      month.payments.push(payment);
      byMonth.set(window.start_time, month);
    }
  }
  return [...byMonth.values()].flatMap(({ window, payments: month }) =>
    Array.from({ length: Math.ceil(month.length / LOOK_UP_BATCH) }, (_, i) => ({
      window,
      payments: month.slice(i * LOOK_UP_BATCH, (i + 1) * LOOK_UP_BATCH),
    })),
  );
}

/** What QFPay holds for a refund: only a refund row of its number counts, whatever a message calls it. */
export async function lookUpQfpayRefund(client: QfpayClient, refund: Requested): Promise<RefundTruth> {
  // Its month, and the neighbouring one near a month's boundary (QFPay filters on its own sysdtm).
  let item: QueryItem | undefined;
  for (const window of queryWindowsFor(refund.requestTime)) {
    const outcome = await client.query({ out_trade_no: refund.outTradeNo, ...window });
    if (outcome.kind !== "accepted") return { kind: "unknown" };
    item ??= outcome.value.data.find((row) => row.out_trade_no === refund.outTradeNo && row.order_type === "refund");
  }
  if (!item) return { kind: "absent" };
  const state = transactionStateOf(item.respcd);
  return {
    kind: "found",
    state: state === "paid" ? "succeeded" : state === "pending" ? "pending" : "failed",
    syssn: item.syssn,
    amount: item.txamt,
    paymentSyssn: item.origssn,
    code: item.respcd,
    // For the merchant who asked (the admin), not the shopper.
    reason: item.errmsg || refundRefusalReason(item.respcd),
  };
}
