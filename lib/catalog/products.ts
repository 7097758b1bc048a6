/**
 * The shop's catalog. Prices are integers in minor units of STORE_CURRENCY (HKD cents by default);
 * `initialStock` seeds the inventory table the first time a sku is seen.
 */
export interface Product {
  sku: string;
  slug: string;
  name: string;
  /** At most 20 letters, digits and spaces: what QFPay shows the shopper as goods_name. */
  shortName: string;
  description: string;
  price: number;
  initialStock: number;
  image: string;
  category: "Tea" | "Teaware" | "Goods";
}

export const PRODUCTS: readonly Product[] = [
  {
    sku: "TEA-TGY-100",
    slug: "tieguanyin-oolong",
    name: "Tieguanyin Oolong, 100 g",
    shortName: "Tieguanyin Oolong",
    description: "A floral, lightly roasted oolong from Anxi. Rolled leaves that open over five or six infusions.",
    price: 18800,
    initialStock: 40,
    image: "/products/tieguanyin-oolong.svg",
    category: "Tea",
  },
  {
    sku: "TEA-PUE-357",
    slug: "aged-puer-cake",
    name: "Aged Pu'er Cake, 357 g",
    shortName: "Aged Puer Cake",
    description: "A 2012 Menghai ripe pu'er cake stored in Hong Kong: earthy, smooth, a little sweet.",
    price: 48000,
    initialStock: 12,
    image: "/products/aged-puer-cake.svg",
    category: "Tea",
  },
  {
    sku: "TEA-JAS-50",
    slug: "jasmine-pearls",
    name: "Jasmine Pearls, 50 g",
    shortName: "Jasmine Pearls",
    description: "Green tea hand-rolled into pearls and scented with fresh jasmine blossoms seven times.",
    price: 12800,
    initialStock: 60,
    image: "/products/jasmine-pearls.svg",
    category: "Tea",
  },
  {
    sku: "TEA-LJ-50",
    slug: "longjing-green",
    name: "Longjing Green Tea, 50 g",
    shortName: "Longjing Green Tea",
    description: "Pan-fired Dragon Well from Hangzhou, picked before Qingming. Chestnut and fresh grass.",
    price: 22800,
    initialStock: 30,
    image: "/products/longjing-green.svg",
    category: "Tea",
  },
  {
    sku: "TEA-SMW-50",
    slug: "shou-mei-white",
    name: "Shou Mei White Tea, 50 g",
    shortName: "Shou Mei White Tea",
    description: "Sun-dried white tea from Fuding with notes of dried dates and honey. Forgiving to brew.",
    price: 9800,
    initialStock: 50,
    image: "/products/shou-mei-white.svg",
    category: "Tea",
  },
  {
    sku: "TEA-HKM-TIN",
    slug: "hong-kong-milk-tea-blend",
    name: "Hong Kong Milk Tea Blend",
    shortName: "HK Milk Tea Blend",
    description: "The cha chaan teng blend of strong Ceylon teas, ground fine for silk-stocking milk tea.",
    price: 6800,
    initialStock: 80,
    image: "/products/hong-kong-milk-tea-blend.svg",
    category: "Tea",
  },
  {
    sku: "WARE-GAI-WHT",
    slug: "porcelain-gaiwan",
    name: "Porcelain Gaiwan, 120 ml",
    shortName: "Porcelain Gaiwan",
    description: "A thin-walled white porcelain gaiwan with a flared rim that stays cool to the fingers.",
    price: 15800,
    initialStock: 25,
    image: "/products/porcelain-gaiwan.svg",
    category: "Teaware",
  },
  {
    sku: "WARE-YIX-200",
    slug: "yixing-clay-teapot",
    name: "Yixing Clay Teapot, 200 ml",
    shortName: "Yixing Clay Teapot",
    description: "Zisha clay from Yixing, hand-thrown. Season it with one kind of tea and it improves with age.",
    price: 68000,
    initialStock: 6,
    image: "/products/yixing-clay-teapot.svg",
    category: "Teaware",
  },
  {
    sku: "WARE-CUP-SET",
    slug: "celadon-cup-set",
    name: "Celadon Cups, set of four",
    shortName: "Celadon Cup Set",
    description: "Four small celadon cups with a crackle glaze, for gongfu tea.",
    price: 19800,
    initialStock: 20,
    image: "/products/celadon-cup-set.svg",
    category: "Teaware",
  },
  {
    sku: "WARE-KET-GLS",
    slug: "glass-kettle",
    name: "Glass Kettle, 800 ml",
    shortName: "Glass Kettle",
    description: "Borosilicate glass for the stove or a warmer, so you can watch the water come to a boil.",
    price: 26800,
    initialStock: 15,
    image: "/products/glass-kettle.svg",
    category: "Teaware",
  },
  {
    sku: "GOOD-TOTE-HK",
    slug: "harbour-tote-bag",
    name: "Harbour Tote Bag",
    shortName: "Harbour Tote Bag",
    description: "Heavy cotton canvas printed with the Victoria Harbour skyline. Carries a week's groceries.",
    price: 14800,
    initialStock: 35,
    image: "/products/harbour-tote-bag.svg",
    category: "Goods",
  },
  {
    sku: "GOOD-TIN-SET",
    slug: "tea-caddy-tins",
    name: "Tea Caddy Tins, set of two",
    shortName: "Tea Caddy Tins",
    description: "Airtight double-lidded tins that keep tea dry and dark; each holds about 100 g of leaves.",
    price: 8800,
    initialStock: 45,
    image: "/products/tea-caddy-tins.svg",
    category: "Goods",
  },
];

const BY_SKU = new Map(PRODUCTS.map((product) => [product.sku, product]));
const BY_SLUG = new Map(PRODUCTS.map((product) => [product.slug, product]));

export function productBySku(sku: string): Product | undefined {
  return BY_SKU.get(sku);
}

export function productBySlug(slug: string): Product | undefined {
  return BY_SLUG.get(slug);
}
