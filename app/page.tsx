import { PRODUCTS } from "@/lib/catalog/products";
import { getConfig } from "@/lib/env";
import { WALLET_NAMES } from "@/lib/qfpay/pay-types";
import { ProductCard } from "./_components/product-card";

export default function CatalogPage() {
  const { qfpay, storeCurrency } = getConfig();
  const wallets = qfpay.wallets.map((wallet) => WALLET_NAMES[wallet]).join(" or ");
  return (
    <main className="page" id="main">
      <section className="hero">
        <h1>Tea, teaware and small goods from Hong Kong</h1>
        <p>Pay with {wallets}: scan a QR code on your computer, or pay straight from your phone.</p>
      </section>
      <section aria-label="Products" className="product-grid">
        {/* The first card is the largest paint on a phone; a wide screen shows a row of four before scrolling. */}
        {PRODUCTS.map((product, index) => (
          <ProductCard
            key={product.sku}
            product={product}
            currency={storeCurrency}
            load={index === 0 ? "first" : index < 4 ? "eager" : "lazy"}
          />
        ))}
      </section>
    </main>
  );
}
