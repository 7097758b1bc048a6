import { formatMoney } from "@/lib/money";
import type { OrderView } from "@/lib/payments/order-status";
import type { CurrencyCode } from "@/lib/qfpay/currencies";

/** What the order holds, shown in every state: a shopper deciding whether to pay again sees what for. */
export function OrderItems({ view }: { view: OrderView }) {
  const currency = view.order.currency as CurrencyCode;
  return (
    <section aria-labelledby="items-title" className="order-items">
      <h2 id="items-title">Items</h2>
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
        Total <strong>{formatMoney(view.order.total, currency)}</strong>
      </p>
    </section>
  );
}
