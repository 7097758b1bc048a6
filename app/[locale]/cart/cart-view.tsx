"use client";

import { useActionState, useOptimistic, startTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/link";
import { ProductImage } from "@/app/_components/product-image";
import { keepUnits } from "@/lib/catalog/keep-units";
import { formatMoney } from "@/lib/money";
import type { CurrencyCode } from "@/lib/qfpay/currencies";
import { updateCartQuantityAction, type CartActionState } from "./actions";

export interface CartViewLine {
  sku: string;
  slug: string;
  name: string;
  image: string;
  unitPrice: number;
  qty: number;
}

const initial: CartActionState = { status: "idle", message: "" };

/** The cart, updated at once on the screen while the server confirms each change. */
export function CartView({
  lines,
  currency,
  maxQuantity,
}: {
  lines: CartViewLine[];
  currency: CurrencyCode;
  /** The most of one product a cart holds: the choices stop there, and the page says so. */
  maxQuantity: number;
}) {
  const t = useTranslations("cart");
  const locale = useLocale();
  const quantities = Array.from({ length: maxQuantity + 1 }, (_, i) => i);
  const [state, action, pending] = useActionState(updateCartQuantityAction, initial);
  const [shown, setShown] = useOptimistic(lines, (current, change: { sku: string; qty: number }) =>
    current
      .map((line) => (line.sku === change.sku ? { ...line, qty: change.qty } : line))
      .filter((line) => line.qty > 0),
  );

  function change(sku: string, qty: number) {
    const form = new FormData();
    form.set("sku", sku);
    form.set("qty", String(qty));
    startTransition(() => {
      setShown({ sku, qty });
      action(form);
    });
  }

  const total = shown.reduce((sum, line) => sum + line.unitPrice * line.qty, 0);
  return (
    <div className="cart">
      <p role="status" aria-live="polite" className={`form-status form-status-${state.status}`}>
        {pending ? t("updating") : state.message}
      </p>
      {shown.length === 0 ? (
        <p>{t.rich("empty", { browse: (chunks) => <Link href="/">{chunks}</Link> })}</p>
      ) : (
        <>
          <ul className="cart-lines">
            {shown.map((line) => (
              <li key={line.sku} className="cart-line">
                <ProductImage src={line.image} alt="" width={64} height={48} className="cart-line-thumb" load="eager" />
                <Link href={`/products/${line.slug}`} className="cart-line-name">
                  {keepUnits(line.name)}
                </Link>
                <span className="cart-line-unit">
                  {t("each", { price: formatMoney(line.unitPrice, currency, locale) })}
                </span>
                <label className="qty-field">
                  <span className="visually-hidden">{t("quantityOf", { name: line.name })}</span>
                  <select
                    value={line.qty}
                    aria-describedby="quantity-limit"
                    onChange={(event) => change(line.sku, Number(event.target.value))}
                  >
                    {quantities.map((qty) => (
                      <option key={qty} value={qty}>
                        {qty === 0 ? t("zeroRemove") : qty}
                      </option>
                    ))}
                  </select>
                </label>
                <span className="cart-line-total">{formatMoney(line.unitPrice * line.qty, currency, locale)}</span>
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => change(line.sku, 0)}
                  aria-label={t("removeName", { name: line.name })}
                >
                  {t("remove")}
                </button>
              </li>
            ))}
          </ul>
          <p id="quantity-limit" className="field-hint">
            {t("limit", { max: maxQuantity })}
          </p>
          <p className="cart-total">
            {`${t("total")} `}
            <strong>{formatMoney(total, currency, locale)}</strong>
          </p>
          <Link href="/checkout" className="button button-primary">
            {t("checkout")}
          </Link>
        </>
      )}
    </div>
  );
}
