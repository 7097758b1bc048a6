import type { Metadata } from "next";
import { MAX_QUANTITY } from "@/lib/catalog/price-cart";
import { productBySku } from "@/lib/catalog/products";
import { readCart } from "@/lib/cart/current-cart";
import { getConfig } from "@/lib/env";
import { FreshOnReturn } from "@/app/_components/fresh-on-return";
import { PendingOrderOffer } from "@/app/_components/pending-order-offer";
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
      <FreshOnReturn />
      <PendingOrderOffer />
      <CartView lines={view} currency={getConfig().storeCurrency} maxQuantity={MAX_QUANTITY} />
    </main>
  );
}
