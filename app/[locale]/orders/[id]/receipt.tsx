import { providerName } from "@/lib/provider-name";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/database";
import { formatDateTime } from "@/lib/date-time";
import { formatMoney } from "@/lib/money";
import { receiptMailState } from "@/lib/payments/receipt-mail-note";
import { mailOfOrder } from "@/lib/payments/store/mail-outbox";
import type { OrderView } from "@/lib/payments/order-status";
import type { CurrencyCode } from "@/lib/qfpay/currencies";
import { ItemLines } from "./order-items";

/** The paid order: what was bought, what was paid, and what has been refunded. */
export async function Receipt({ view }: { view: OrderView }) {
  const { order, attempts, refunds } = view;
  const t = await getTranslations("receipt");
  const tw = await getTranslations("wallets");
  const locale = await getLocale();
  const mail = receiptMailState(await mailOfOrder(await getDb(), order.id));
  const currency = order.currency as CurrencyCode;
  const paidWith = attempts.find((attempt) => attempt.state === "paid");
  const refunded = refunds.filter((refund) => refund.state === "succeeded");
  return (
    <section aria-labelledby="receipt-title" className="receipt">
      <h2 id="receipt-title">{t("title")}</h2>
      <dl className="receipt-facts">
        <dt>{t("order")}</dt>
        <dd className="order-number">{order.number}</dd>
        {order.paidAt && (
          <>
            <dt>{t("paid")}</dt>
            <dd>{t("hongKongTime", { time: formatDateTime(order.paidAt, locale) })}</dd>
          </>
        )}
        {paidWith && (
          <>
            <dt>{t("paidWith")}</dt>
            <dd>{tw(paidWith.wallet)}</dd>
            <dt>{t("gatewayNumber", { provider: providerName() })}</dt>
            <dd className="mono">{paidWith.syssn}</dd>
          </>
        )}
        {mail && (
          <>
            <dt>{t("email")}</dt>
            <dd>{t(`mail.${mail.key}`, { recipient: mail.recipient })}</dd>
          </>
        )}
      </dl>
      <ItemLines view={view} totalLabel={t("totalPaid")} />
      {refunded.length > 0 && (
        <div className="refunds">
          <h3>{t("refunds")}</h3>
          <ul className="summary-lines">
            {refunded.map((refund) => (
              <li key={refund.id}>
                <span>{t("refundedOn", { time: formatDateTime(refund.updatedAt, locale) })}</span>
                <span>{formatMoney(refund.amount, currency, locale)}</span>
              </li>
            ))}
          </ul>
          <p className="cart-total">
            {t.rich("refundedInAll", {
              refunded: formatMoney(order.refundedTotal, currency, locale),
              total: formatMoney(order.total, currency, locale),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
        </div>
      )}
    </section>
  );
}
