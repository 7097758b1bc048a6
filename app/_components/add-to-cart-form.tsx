"use client";

import { useActionState } from "react";
import { addToCartAction, type CartActionState } from "@/app/cart/actions";

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
  const [state, action, pending] = useActionState(addToCartAction, initial);
  return (
    <form action={action} className="add-to-cart">
      <input type="hidden" name="sku" value={sku} />
      {withQuantity && (
        <label className="qty-field">
          Quantity
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
        {pending ? "Adding…" : "Add to cart"}
      </button>
      <p
        id={`add-status-${sku}`}
        role="status"
        aria-live="polite"
        className={`form-status form-status-${state.status}`}
      >
        {pending ? `Adding ${name}…` : state.message}
      </p>
    </form>
  );
}
