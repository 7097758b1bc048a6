import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { redirect, notFound } from "next/navigation";
import { adminEnabled, isAdmin } from "@/lib/admin/admin-session";
import { readOrderStory } from "@/lib/payments/store/order-story";
import { getDb } from "@/lib/db/database";
import { formatMoney } from "@/lib/money";
import { isCurrencyCode, type CurrencyCode } from "@/lib/qfpay/currencies";
import { PAY_TYPES, WALLET_NAMES, type PayTypeCode } from "@/lib/qfpay/pay-types";
import { paymentBalances } from "@/lib/payments/payment-balances";
import { ORDER_STATUS_TEXT } from "@/lib/payments/state-machine";
import { queryOrderNowAction, refundOrderAction, resolveReviewAction } from "./actions";
import { QueryNowButton, RefundForm, ResolveReviewForm, type RefundablePayment } from "./admin-forms";
import { orderIdSchema } from "@/lib/payments/ids";
import { AdminTable } from "../../_components/admin-table";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { StatusIcon } from "@/app/_components/status-icon";
import { statusToneOf } from "@/lib/payments/order-status";
import { readableDetail } from "./event-detail";

export const metadata: Metadata = { title: "Order story", robots: { index: false } };

const TIME = new Intl.DateTimeFormat("en-HK", { dateStyle: "medium", timeStyle: "medium", timeZone: "Asia/Hong_Kong" });

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  if (!adminEnabled()) notFound();
  if (!(await isAdmin())) redirect("/admin");
  const { id } = await params;
  if (!orderIdSchema.safeParse(id).success) notFound();
  const story = await readOrderStory(await getDb(), id);
  if (!story) notFound();
  const { order, items, attempts, refunds, events, notifications } = story;
  // A provider that takes no refunds from the shop (CBTIS) is said so before the merchant tries.
  const { refundsOutsideShop, name: provider } = (await getPaymentsContext()).gateway;
  const currency: CurrencyCode = isCurrencyCode(order.currency) ? order.currency : "HKD";
  const money = (minor: number) => formatMoney(minor, currency);
  // Refunds are taken from a payment: any payment QFPay took, whatever the order's state, until it is refunded in full.
  const refundable: RefundablePayment[] = paymentBalances(attempts, refunds)
    .filter((payment) => payment.refundable > 0)
    .map((payment) => ({
      attemptId: payment.attemptId,
      syssn: payment.syssn,
      summary: `${money(payment.amount)} paid, ${money(payment.refundable)} left to refund`,
    }));

  return (
    <main className="page admin" id="main">
      <p>
        <Link href="/admin">← Orders</Link>
      </p>
      <h1>
        Order <span className="order-number">{order.number}</span>
      </h1>
      <p className="order-id mono">{order.id}</p>
      <p className={`order-status status-badge status-badge-large status-${statusToneOf(order.state)}`}>
        <StatusIcon tone={statusToneOf(order.state)} />
        {ORDER_STATUS_TEXT[order.state]}
      </p>
      <dl className="receipt-facts">
        <dt>Total</dt>
        <dd>{money(order.total)}</dd>
        <dt>Refunded</dt>
        <dd>{money(order.refundedTotal)}</dd>
        <dt>Email</dt>
        <dd>{order.email}</dd>
        <dt>Created</dt>
        <dd>{TIME.format(order.createdAt)}</dd>
        <dt>Mode</dt>
        <dd>
          {order.mode === "sandbox"
            ? "Sandbox (no real money moved)"
            : order.mode === "test"
              ? "Test (QFPay's testing host)"
              : order.mode === "live"
                ? "Live"
                : "Not recorded"}
        </dd>
      </dl>
      {order.needsReview && (
        <section className="notice" aria-labelledby="review-title">
          <h2 id="review-title">Needs review</h2>
          <p>{order.reviewReason}</p>
          <ResolveReviewForm resolve={resolveReviewAction.bind(null, order.id)} />
        </section>
      )}
      <div className="admin-tools">
        <QueryNowButton query={queryOrderNowAction.bind(null, order.id)} provider={provider} />
        <Link href={`/orders/${order.id}`} className="button button-quiet">
          Shopper&apos;s view
        </Link>
      </div>

      <section aria-labelledby="items-title">
        <h2 id="items-title">Items</h2>
        <ul className="summary-lines">
          {items.map((item) => (
            <li key={item.id}>
              <span>
                {item.quantity} × {item.name} <span className="mono">({item.sku})</span>
              </span>
              <span>{money(item.unitPrice * item.quantity)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="attempts-title">
        <h2 id="attempts-title">Payment attempts</h2>
        <AdminTable
          rows={attempts}
          columns={[
            { header: "out_trade_no", className: "mono", cell: (a) => a.outTradeNo },
            { header: "State", cell: (a) => a.state },
            {
              header: "Wallet / pay type",
              cell: (a) => (
                <>
                  {WALLET_NAMES[a.wallet]} · {a.payType}{" "}
                  <span className="field-hint">{PAY_TYPES[a.payType as PayTypeCode]}</span>
                </>
              ),
            },
            { header: "Amount", cell: (a) => money(a.amount) },
            { header: "syssn", className: "mono", cell: (a) => a.syssn ?? "–" },
            { header: "txdtm", cell: (a) => a.txdtm },
            { header: "Expires", cell: (a) => TIME.format(a.expiresAt) },
            { header: "Failure", cell: (a) => (a.failureCode ? `${a.failureCode}: ${a.failureReason ?? ""}` : "–") },
          ]}
        />
      </section>

      <section aria-labelledby="refunds-title">
        <h2 id="refunds-title">Refunds</h2>
        <AdminTable
          rows={refunds}
          columns={[
            { header: "out_trade_no", className: "mono", cell: (r) => r.outTradeNo },
            { header: "State", cell: (r) => r.state },
            { header: "Amount", cell: (r) => money(r.amount) },
            { header: "syssn", className: "mono", cell: (r) => r.syssn ?? "–" },
            { header: "Created", cell: (r) => TIME.format(r.createdAt) },
            { header: "Failure", cell: (r) => (r.failureCode ? `${r.failureCode}: ${r.failureReason ?? ""}` : "–") },
          ]}
        />
        {refundable.length > 0 && (
          <>
            {refundsOutsideShop && (
              <p className="notice" role="note">
                {refundsOutsideShop} Record here a refund you made there, so that this order shows it.
              </p>
            )}
            <RefundForm
              refund={refundOrderAction.bind(null, order.id)}
              requestKey={randomUUID()}
              payments={refundable}
              cancelHref={`/admin/orders/${order.id}`}
              mode={refundsOutsideShop ? "record" : "send"}
            />
          </>
        )}
      </section>

      <section aria-labelledby="notifications-title">
        <h2 id="notifications-title">Notifications received</h2>
        <AdminTable
          rows={notifications}
          columns={[
            { header: "First received", cell: (n) => TIME.format(n.firstReceivedAt) },
            { header: "Type", cell: (n) => n.notifyType ?? "–" },
            // An unsigned message is kept only as a hint the shop looked up (CBTIS's webhooks).
            { header: "Signature", cell: (n) => (n.signatureValid ? "valid" : "none: looked up") },
            { header: "Outcome", cell: (n) => `${n.outcome}${n.detail ? ` (${n.detail})` : ""}` },
            { header: "Times", cell: (n) => n.timesReceived },
            {
              header: "Body",
              cell: (n) => (
                <details>
                  <summary>Raw body</summary>
                  <pre className="raw-body">{n.rawBody}</pre>
                </details>
              ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="events-title">
        <h2 id="events-title">Story</h2>
        <ol className="event-log">
          {events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.createdAt.toISOString()}>{TIME.format(e.createdAt)}</time> <strong>{e.type}</strong>
              {e.fromState || e.toState ? ` ${e.fromState ?? "∅"} → ${e.toState ?? "∅"}` : ""}{" "}
              <span className="field-hint">by {e.cause}</span>
              {Object.keys(e.detail).length > 0 && (
                <code className="event-detail">{readableDetail(e.detail, money)}</code>
              )}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
