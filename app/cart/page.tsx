import type { Metadata } from "next";
import { productBySku } from "@/lib/catalog/products";
import { readCart } from "@/lib/cart/current-cart";
import { getConfig } from "@/lib/env";
import { CartView, type CartViewLine } from "./cart-view";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  const { lines } = await readCart();
  const view: CartViewLine[] = lines.map((line) => {
    const product = productBySku(line.sku)!;
    return {
      sku: line.sku,
      slug: product.slug,
      name: product.name,
      image: product.image,
      unitPrice: product.price,
      qty: line.qty,
    };
  });
  return (
    <main className="page narrow" id="main">
      <h1>Your cart</h1>
      <CartView lines={view} currency={getConfig().storeCurrency} />
    </main>
  );
}
