import { getLocale, getTranslations } from "next-intl/server";
import { itemNames } from "@/app/_components/product-text";
import { formatMoney } from "@/lib/money";
import type { OrderView } from "@/lib/payments/order-status";
import type { CurrencyCode } from "@/lib/qfpay/currencies";

/** The order's lines and its total, as the order page and the receipt both list them. */
export async function ItemLines({ view, totalLabel }: { view: OrderView; totalLabel: string }) {
  const currency = view.order.currency as CurrencyCode;
  const locale = await getLocale();
  const nameOf = await itemNames();
  return (
    <>
      <ul className="summary-lines">
        {view.items.map((item) => (
          <li key={item.id}>
            <span>
              {item.quantity} × {nameOf(item)}
            </span>
            <span>{formatMoney(item.unitPrice * item.quantity, currency, locale)}</span>
          </li>
        ))}
      </ul>
      <p className="cart-total">
        {totalLabel} <strong>{formatMoney(view.order.total, currency, locale)}</strong>
      </p>
    </>
  );
}

/** What the order holds, shown in every state: a shopper deciding whether to pay again sees what for. */
export async function OrderItems({ view }: { view: OrderView }) {
  const t = await getTranslations("order");
  return (
    <section aria-labelledby="items-title" className="order-items">
      <h2 id="items-title">{t("items")}</h2>
      <ItemLines view={view} totalLabel={t("total")} />
    </section>
  );
}
