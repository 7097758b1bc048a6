import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { PRODUCTS } from "@/lib/catalog/products";
import { getConfig } from "@/lib/env";
import { languageAlternates } from "../_components/language-alternates";
import { ProductCard } from "../_components/product-card";
import { productTexts } from "../_components/product-text";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { alternates: languageAlternates((await params).locale, "/") };
}

export default async function CatalogPage({ params }: Props) {
  setRequestLocale((await params).locale);
  const t = await getTranslations("home");
  const tw = await getTranslations("wallets");
  const textOf = await productTexts();
  const { qfpay, storeCurrency } = getConfig();
  const [first, second] = qfpay.wallets.map((wallet) => tw(wallet));
  const wallets = second ? t("walletsBoth", { first: first!, second }) : first!;
  return (
    <main className="page" id="main">
      <section className="hero">
        <h1>{t("title")}</h1>
        <p>{t("intro", { wallets })}</p>
      </section>
      <section aria-label={t("products")} className="product-grid">
        {/* The first card is the largest paint on a phone; a wide screen shows a row of four before scrolling. */}
        {PRODUCTS.map((product, index) => (
          <ProductCard
            key={product.sku}
            product={product}
            name={textOf(product).name}
            currency={storeCurrency}
            load={index === 0 ? "first" : index < 4 ? "eager" : "lazy"}
          />
        ))}
      </section>
    </main>
  );
}
