import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddToCartForm } from "@/app/_components/add-to-cart-form";
import { ProductImage } from "@/app/_components/product-image";
import { keepUnits } from "@/lib/catalog/keep-units";
import { productBySlug } from "@/lib/catalog/products";
import { getConfig } from "@/lib/env";
import { formatMoney } from "@/lib/money";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const product = productBySlug((await params).slug);
  if (!product) return { title: "Not found" };
  return {
    title: product.name,
    description: product.description,
    // The share image is opengraph-image.tsx beside this page: a PNG that social sites accept, unlike the SVG.
    openGraph: { title: product.name, description: product.description, type: "website" },
  };
}

export default async function ProductPage({ params }: { params: Promise<{ slug: string }> }) {
  const product = productBySlug((await params).slug);
  if (!product) notFound();
  const { storeCurrency } = getConfig();
  return (
    <main className="page product-page" id="main">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Shop</Link> <span aria-hidden="true">/</span> <span>{product.category}</span>
      </nav>
      <div className="product-layout">
        <ProductImage
          src={product.image}
          alt={product.name}
          width={800}
          height={600}
          className="product-hero-image"
          load="first"
        />
        <div className="product-info">
          <h1>{keepUnits(product.name)}</h1>
          <p className="product-price product-price-large">{formatMoney(product.price, storeCurrency)}</p>
          <p>{product.description}</p>
          <AddToCartForm sku={product.sku} name={product.name} withQuantity />
        </div>
      </div>
    </main>
  );
}
