import { useLocale } from "next-intl";
import { Link } from "@/i18n/link";
import { keepUnits } from "@/lib/catalog/keep-units";
import type { Product } from "@/lib/catalog/products";
import type { CurrencyCode } from "@/lib/qfpay/currencies";
import { AddToCartForm } from "./add-to-cart-form";
import { formatMoney } from "@/lib/money";
import { ProductImage } from "./product-image";

export function ProductCard({
  product,
  name,
  currency,
  load,
}: {
  product: Product;
  /** The product's name in the page's language. */
  name: string;
  currency: CurrencyCode;
  load?: "first" | "eager" | "lazy";
}) {
  const locale = useLocale();
  return (
    <article className="product-card" aria-labelledby={`product-${product.sku}`}>
      <Link href={`/products/${product.slug}`} className="product-card-link">
        <ProductImage src={product.image} alt="" width={400} height={300} className="product-image" load={load} />
        <h2 id={`product-${product.sku}`} className="product-name">
          {keepUnits(name)}
        </h2>
      </Link>
      <p className="product-price">{formatMoney(product.price, currency, locale)}</p>
      <AddToCartForm sku={product.sku} name={name} />
    </article>
  );
}
