import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AddToCartForm } from "@/app/_components/add-to-cart-form";
import { languageAlternates } from "@/app/_components/language-alternates";
import { ProductImage } from "@/app/_components/product-image";
import { productTexts } from "@/app/_components/product-text";
import { Link } from "@/i18n/link";
import type { Locale } from "@/i18n/routing";
import { keepUnits } from "@/lib/catalog/keep-units";
import { productBySlug } from "@/lib/catalog/products";
import { getConfig } from "@/lib/env";
import { formatMoney } from "@/lib/money";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const product = productBySlug(slug);
  if (!product) return { title: (await getTranslations("notFound"))("title") };
  const { name, description } = (await productTexts())(product);
  return {
    title: name,
    description,
    // The share image is opengraph-image.tsx beside this page: a PNG that social sites accept, unlike the SVG.
    openGraph: { title: name, description, type: "website" },
    alternates: languageAlternates(locale, `/products/${slug}`),
  };
}

export default async function ProductPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const product = productBySlug(slug);
  if (!product) notFound();
  const t = await getTranslations("product");
  const { name, description, category } = (await productTexts())(product);
  const { storeCurrency } = getConfig();
  return (
    <main className="page product-page" id="main">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link href="/">{t("shop")}</Link> <span aria-hidden="true">/</span> <span>{category}</span>
      </nav>
      <div className="product-layout">
        <ProductImage
          src={product.image}
          alt={name}
          width={800}
          height={600}
          className="product-hero-image"
          load="first"
        />
        <div className="product-info">
          <h1>{keepUnits(name)}</h1>
          <p className="product-price product-price-large">{formatMoney(product.price, storeCurrency, locale)}</p>
          <p>{description}</p>
          <AddToCartForm sku={product.sku} name={name} withQuantity />
        </div>
      </div>
    </main>
  );
}
