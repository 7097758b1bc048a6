import { formatMoney } from "@/lib/money";
import type { OrderView } from "@/lib/payments/order-status";
import type { CurrencyCode } from "@/lib/qfpay/currencies";

/** The order's lines and its total, as the order page and the receipt both list them. */
export function ItemLines({ view, totalLabel }: { view: OrderView; totalLabel: string }) {
  const currency = view.order.currency as CurrencyCode;
  return (
    <>
      <ul className="summary-lines">
        {view.items.map((item) => (
          <li key={item.id}>
            <span>
              {item.quantity} × {item.name}
            </span>
            <span>{formatMoney(item.unitPrice * item.quantity, currency)}</span>
          </li>
        ))}
      </ul>
      <p className="cart-total">
        {totalLabel} <strong>{formatMoney(view.order.total, currency)}</strong>
      </p>
    </>
  );
}

/** What the order holds, shown in every state: a shopper deciding whether to pay again sees what for. */
export function OrderItems({ view }: { view: OrderView }) {
  return (
    <section aria-labelledby="items-title" className="order-items">
      <h2 id="items-title">Items</h2>
      <ItemLines view={view} totalLabel="Total" />
    </section>
  );
}
