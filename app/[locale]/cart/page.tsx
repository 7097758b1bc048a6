import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MAX_QUANTITY } from "@/lib/catalog/price-cart";
import { productBySku } from "@/lib/catalog/products";
import { readCart } from "@/lib/cart/current-cart";
import { getConfig } from "@/lib/env";
import { FreshOnReturn } from "@/app/_components/fresh-on-return";
import { PendingOrderOffer } from "@/app/_components/pending-order-offer";
import { productTexts } from "@/app/_components/product-text";
import { CartView, type CartViewLine } from "./cart-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cart"))("title") };
}

export default async function CartPage() {
  const t = await getTranslations("cart");
  const textOf = await productTexts();
  const { lines } = await readCart();
  const view: CartViewLine[] = lines.map((line) => {
    const product = productBySku(line.sku)!;
    return {
      sku: line.sku,
      slug: product.slug,
      name: textOf(product).name,
      image: product.image,
      unitPrice: product.price,
      qty: line.qty,
    };
  });
  return (
    <main className="page narrow" id="main">
      <h1>{t("title")}</h1>
      <FreshOnReturn />
      <PendingOrderOffer />
      <CartView lines={view} currency={getConfig().storeCurrency} maxQuantity={MAX_QUANTITY} />
    </main>
  );
}
