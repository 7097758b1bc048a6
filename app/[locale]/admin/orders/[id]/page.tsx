import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Link } from "@/i18n/link";
import { localizedPath } from "@/i18n/localized-path";
import { adminEnabled, isAdmin } from "@/lib/admin/admin-session";
import { readOrderStory } from "@/lib/payments/store/order-story";
import { getDb } from "@/lib/db/database";
import { formatDateTime } from "@/lib/date-time";
import { formatMoney } from "@/lib/money";
import { isCurrencyCode, type CurrencyCode } from "@/lib/qfpay/currencies";
import { PAY_TYPES, type PayTypeCode } from "@/lib/qfpay/pay-types";
import { paymentBalances } from "@/lib/payments/payment-balances";
import { queryOrderNowAction, refundOrderAction, resolveReviewAction } from "./actions";
import { QueryNowButton, RefundForm, ResolveReviewForm, type RefundablePayment } from "./admin-forms";
import { orderIdSchema } from "@/lib/payments/ids";
import { AdminTable } from "../../_components/admin-table";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { itemNames } from "@/app/_components/product-text";
import { StatusIcon } from "@/app/_components/status-icon";
import { statusToneOf } from "@/lib/payments/order-status";
import { readableDetail } from "./event-detail";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.order"))("metaTitle"), robots: { index: false } };
}

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  if (!adminEnabled()) notFound();
  const locale = await getLocale();
  if (!(await isAdmin())) redirect(localizedPath("/admin", locale));
  const { id } = await params;
  if (!orderIdSchema.safeParse(id).success) notFound();
  const story = await readOrderStory(await getDb(), id);
  if (!story) notFound();
  const { order, items, attempts, refunds, events, notifications } = story;
  const t = await getTranslations("admin");
  const ts = await getTranslations("orderStatus");
  const tw = await getTranslations("wallets");
  const nameOf = await itemNames();
  // A provider that takes no refunds from the shop (CBTIS) is said so before the merchant tries.
  const { refundsOutsideShop, name: provider } = (await getPaymentsContext()).gateway;
  const currency: CurrencyCode = isCurrencyCode(order.currency) ? order.currency : "HKD";
  const money = (minor: number) => formatMoney(minor, currency, locale);
  // The story is read to the second: events a moment apart must show in their order.
  const time = (date: Date) => formatDateTime(date, locale, { seconds: true });
  // A record's state is the shop's own word for it; the English page shows it as stored (and exported).
  const attemptState = (state: string) => t(`attemptStates.${state}` as "attemptStates.paid");
  const refundState = (state: string) => t(`refundStates.${state}` as "refundStates.succeeded");
  // Refunds are taken from a payment: any payment QFPay took, whatever the order's state, until it is refunded in full.
  const refundable: RefundablePayment[] = paymentBalances(attempts, refunds)
    .filter((payment) => payment.refundable > 0)
    .map((payment) => ({
      attemptId: payment.attemptId,
      syssn: payment.syssn,
      summary: t("refund.summary", { paid: money(payment.amount), left: money(payment.refundable) }),
    }));
  const modeText =
    order.mode === "sandbox"
      ? t("order.modeSandbox")
      : order.mode === "test"
        ? t("order.modeTest", { provider })
        : order.mode === "live"
          ? t("modes.live")
          : t("order.modeUnknown");

  return (
    <main className="page admin" id="main">
      <p>
        <Link href="/admin">{t("order.back")}</Link>
      </p>
      <h1>
        {t.rich("order.heading", {
          number: order.number,
          nr: (chunks) => <span className="order-number">{chunks}</span>,
        })}
      </h1>
      <p className="order-id mono">{order.id}</p>
      <p className={`order-status status-badge status-badge-large status-${statusToneOf(order.state)}`}>
        <StatusIcon tone={statusToneOf(order.state)} />
        {ts(order.state)}
      </p>
      <dl className="receipt-facts">
        <dt>{t("order.total")}</dt>
        <dd>{money(order.total)}</dd>
        <dt>{t("order.refunded")}</dt>
        <dd>{money(order.refundedTotal)}</dd>
        <dt>{t("order.email")}</dt>
        <dd>{order.email}</dd>
        <dt>{t("order.created")}</dt>
        <dd>{time(order.createdAt)}</dd>
        <dt>{t("order.mode")}</dt>
        <dd>{modeText}</dd>
      </dl>
      {order.needsReview && (
        <section className="notice" aria-labelledby="review-title">
          <h2 id="review-title">{t("needsReview")}</h2>
          {/* The flag's reason is the library's record of what it saw, kept in English. */}
          <p>{order.reviewReason}</p>
          <ResolveReviewForm resolve={resolveReviewAction.bind(null, order.id)} />
        </section>
      )}
      <div className="admin-tools">
        <QueryNowButton query={queryOrderNowAction.bind(null, order.id)} provider={provider} />
        <Link href={`/orders/${order.id}`} className="button button-quiet">
          {t("order.shopperView")}
        </Link>
      </div>

      <section aria-labelledby="items-title">
        <h2 id="items-title">{t("order.items")}</h2>
        <ul className="summary-lines">
          {items.map((item) => (
            <li key={item.id}>
              <span>
                {item.quantity} × {nameOf(item)} <span className="mono">({item.sku})</span>
              </span>
              <span>{money(item.unitPrice * item.quantity)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="attempts-title">
        <h2 id="attempts-title">{t("order.attempts")}</h2>
        <AdminTable
          rows={attempts}
          none={t("none")}
          columns={[
            // The gateway's field names (out_trade_no, syssn, txdtm) are named as its documents name them.
            { header: "out_trade_no", className: "mono", cell: (a) => a.outTradeNo },
            { header: t("order.columns.state"), cell: (a) => attemptState(a.state) },
            {
              header: t("order.columns.walletPayType"),
              cell: (a) => (
                <>
                  {tw(a.wallet)} · {a.payType} <span className="field-hint">{PAY_TYPES[a.payType as PayTypeCode]}</span>
                </>
              ),
            },
            { header: t("order.columns.amount"), cell: (a) => money(a.amount) },
            { header: "syssn", className: "mono", cell: (a) => a.syssn ?? "–" },
            { header: "txdtm", cell: (a) => a.txdtm },
            { header: t("order.columns.expires"), cell: (a) => time(a.expiresAt) },
            {
              header: t("order.columns.failure"),
              cell: (a) => (a.failureCode ? `${a.failureCode}: ${a.failureReason ?? ""}` : "–"),
            },
          ]}
        />
      </section>

      <section aria-labelledby="refunds-title">
        <h2 id="refunds-title">{t("order.refunds")}</h2>
        <AdminTable
          rows={refunds}
          none={t("none")}
          columns={[
            { header: "out_trade_no", className: "mono", cell: (r) => r.outTradeNo },
            { header: t("order.columns.state"), cell: (r) => refundState(r.state) },
            { header: t("order.columns.amount"), cell: (r) => money(r.amount) },
            { header: "syssn", className: "mono", cell: (r) => r.syssn ?? "–" },
            { header: t("order.columns.created"), cell: (r) => time(r.createdAt) },
            {
              header: t("order.columns.failure"),
              cell: (r) => (r.failureCode ? `${r.failureCode}: ${r.failureReason ?? ""}` : "–"),
            },
          ]}
        />
        {refundable.length > 0 && (
          <>
            {refundsOutsideShop && (
              <p className="notice" role="note">
                {t("order.refundsOutsideShop", { provider })}
              </p>
            )}
            <RefundForm
              refund={refundOrderAction.bind(null, order.id)}
              requestKey={randomUUID()}
              payments={refundable}
              cancelHref={localizedPath(`/admin/orders/${order.id}`, locale)}
              mode={refundsOutsideShop ? "record" : "send"}
            />
          </>
        )}
      </section>

      <section aria-labelledby="notifications-title">
        <h2 id="notifications-title">{t("order.notifications")}</h2>
        <AdminTable
          rows={notifications}
          none={t("none")}
          columns={[
            { header: t("order.columns.firstReceived"), cell: (n) => time(n.firstReceivedAt) },
            { header: t("order.columns.type"), cell: (n) => n.notifyType ?? "–" },
            // An unsigned message is kept only as a hint the shop looked up (CBTIS's webhooks).
            {
              header: t("order.columns.signature"),
              cell: (n) => (n.signatureValid ? t("order.signatureValid") : t("order.signatureNone")),
            },
            // The outcome is the shop's record code (applied, duplicate, ...), as the logs and the CSV name it.
            { header: t("order.columns.outcome"), cell: (n) => `${n.outcome}${n.detail ? ` (${n.detail})` : ""}` },
            { header: t("order.columns.times"), cell: (n) => n.timesReceived },
            {
              header: t("order.columns.body"),
              cell: (n) => (
                <details>
                  <summary>{t("order.rawBody")}</summary>
                  <pre className="raw-body">{n.rawBody}</pre>
                </details>
              ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="events-title">
        <h2 id="events-title">{t("order.story")}</h2>
        <ol className="event-log">
          {events.map((e) => (
            <li key={e.id}>
              {/* An event's type, states and cause are the record's codes, as the logs name them. */}
              <time dateTime={e.createdAt.toISOString()}>{time(e.createdAt)}</time> <strong>{e.type}</strong>
              {e.fromState || e.toState ? ` ${e.fromState ?? "∅"} → ${e.toState ?? "∅"}` : ""}{" "}
              <span className="field-hint">{t("order.by", { cause: e.cause })}</span>
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
