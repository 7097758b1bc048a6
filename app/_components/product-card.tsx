import Link from "next/link";
import { keepUnits } from "@/lib/catalog/keep-units";
import type { Product } from "@/lib/catalog/products";
import { formatMoney } from "@/lib/money";
import type { CurrencyCode } from "@/lib/qfpay/currencies";
import { AddToCartForm } from "./add-to-cart-form";
import { ProductImage } from "./product-image";

export function ProductCard({
  product,
  currency,
  load,
}: {
  product: Product;
  currency: CurrencyCode;
  load?: "first" | "eager" | "lazy";
}) {
  return (
    <article className="product-card" aria-labelledby={`product-${product.sku}`}>
      <Link href={`/products/${product.slug}`} className="product-card-link">
        <ProductImage src={product.image} alt="" width={400} height={300} className="product-image" load={load} />
        <h2 id={`product-${product.sku}`} className="product-name">
          {keepUnits(product.name)}
        </h2>
      </Link>
      <p className="product-price">{formatMoney(product.price, currency)}</p>
      <AddToCartForm sku={product.sku} name={product.name} />
    </article>
  );
}
