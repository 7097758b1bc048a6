import { getDb } from "@/lib/db/database";
import { formatMoney } from "@/lib/money";
import { receiptMailNote } from "@/lib/payments/receipt-mail-note";
import { mailOfOrder } from "@/lib/payments/store/mail-outbox";
import type { OrderView } from "@/lib/payments/order-status";
import { WALLET_NAMES } from "@/lib/qfpay/pay-types";
import type { CurrencyCode } from "@/lib/qfpay/currencies";
import { ItemLines } from "./order-items";

const DATE = new Intl.DateTimeFormat("en-HK", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Hong_Kong" });

/** The paid order: what was bought, what was paid, and what has been refunded. */
export async function Receipt({ view }: { view: OrderView }) {
  const { order, attempts, refunds } = view;
  const mailNote = receiptMailNote(await mailOfOrder(await getDb(), order.id));
  const currency = order.currency as CurrencyCode;
  const paidWith = attempts.find((attempt) => attempt.state === "paid");
  const refunded = refunds.filter((refund) => refund.state === "succeeded");
  return (
    <section aria-labelledby="receipt-title" className="receipt">
      <h2 id="receipt-title">Receipt</h2>
      <dl className="receipt-facts">
        <dt>Order</dt>
        <dd className="order-number">{order.number}</dd>
        {order.paidAt && (
          <>
            <dt>Paid</dt>
            <dd>{DATE.format(order.paidAt)} (Hong Kong time)</dd>
          </>
        )}
        {paidWith && (
          <>
            <dt>Paid with</dt>
            <dd>{WALLET_NAMES[paidWith.wallet]}</dd>
            <dt>QFPay number</dt>
            <dd className="mono">{paidWith.syssn}</dd>
          </>
        )}
        {mailNote && (
          <>
            <dt>Receipt email</dt>
            <dd>{mailNote}</dd>
          </>
        )}
      </dl>
      <ItemLines view={view} totalLabel="Total paid" />
      {refunded.length > 0 && (
        <div className="refunds">
          <h3>Refunds</h3>
          <ul className="summary-lines">
            {refunded.map((refund) => (
              <li key={refund.id}>
                <span>Refunded {DATE.format(refund.updatedAt)}</span>
                <span>{formatMoney(refund.amount, currency)}</span>
              </li>
            ))}
          </ul>
          <p className="cart-total">
            Refunded in all <strong>{formatMoney(order.refundedTotal, currency)}</strong> of{" "}
            {formatMoney(order.total, currency)}
          </p>
        </div>
      )}
    </section>
  );
}
