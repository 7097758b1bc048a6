"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addToCartAction, type CartActionState } from "@/app/[locale]/cart/actions";

const initial: CartActionState = { status: "idle", message: "" };

/** "Add to cart", with its result announced to screen readers. */
export function AddToCartForm({
  sku,
  name,
  withQuantity = false,
}: {
  sku: string;
  name: string;
  withQuantity?: boolean;
}) {
  const t = useTranslations("product");
  const [state, action, pending] = useActionState(addToCartAction, initial);
  return (
    <form action={action} className="add-to-cart">
      <input type="hidden" name="sku" value={sku} />
      {withQuantity && (
        <label className="qty-field">
          {t("quantity")}
          <select name="qty" defaultValue="1">
            {Array.from({ length: 10 }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="button button-primary" disabled={pending} aria-describedby={`add-status-${sku}`}>
        {pending ? t("adding") : t("addToCart")}
      </button>
      <p
        id={`add-status-${sku}`}
        role="status"
        aria-live="polite"
        className={`form-status form-status-${state.status}`}
      >
        {pending ? t("addingName", { name }) : state.message}
      </p>
    </form>
  );
}
