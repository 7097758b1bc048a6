import { getTranslations } from "next-intl/server";
import { productBySku, type Product } from "@/lib/catalog/products";

/**
 * A product's name, description and category in the page's language. The catalog (lib/catalog/products.ts)
 * keeps the English record the orders, receipts and QFPay's goods_name are made from; messages/*.json hold
 * what a shopper reads, one entry per slug (tests/unit/messages.test.ts holds the two to the same products).
 */
export async function productTexts() {
  const t = await getTranslations("catalog");
  return (product: Pick<Product, "slug" | "category">) => ({
    name: t(`products.${product.slug}.name` as "products.jasmine-pearls.name"),
    description: t(`products.${product.slug}.description` as "products.jasmine-pearls.description"),
    category: t(`categories.${product.category}`),
  });
}

/**
 * An ordered item's name in the page's language: the order keeps the English name it was bought under, and
 * a product still in the catalog is named as the catalog now names it in this language.
 */
export async function itemNames() {
  const textOf = await productTexts();
  return (item: { sku: string; name: string }) => {
    const product = productBySku(item.sku);
    return product ? textOf(product).name : item.name;
  };
}
