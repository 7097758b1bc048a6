import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { keepUnits } from "@/lib/catalog/keep-units";
import { productBySlug } from "@/lib/catalog/products";
import { getConfig } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { WALLET_NAMES } from "@/lib/qfpay/pay-types";
import { SHOP } from "@/lib/shop-details";

export const alt = "The product, its price and the shop's name";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

// The typeface of the pages, read from the installed package: nothing is fetched to draw a share image.
// Satori takes WOFF but not WOFF2, hence @fontsource/figtree's static files beside the variable one.
const FONT_DIR = path.join(process.cwd(), "node_modules/@fontsource/figtree/files");
const fonts = Promise.all([
  readFile(path.join(FONT_DIR, "figtree-latin-500-normal.woff")),
  readFile(path.join(FONT_DIR, "figtree-latin-700-normal.woff")),
]);

/** The picture a chat app or social site shows when someone shares a product's link. */
export default async function ProductShareImage({ params }: { params: Promise<{ slug: string }> }) {
  const product = productBySlug((await params).slug);
  if (!product) return new Response("Not found", { status: 404 });
  const { qfpay, storeCurrency } = getConfig();
  const [regular, bold] = await fonts;
  const art = await readFile(path.join(process.cwd(), "public", product.image));
  const wallets = qfpay.wallets.map((wallet) => WALLET_NAMES[wallet]).join(" or ");
  return new ImageResponse(
    <div style={{ display: "flex", width: "100%", height: "100%", background: "#fbfaf7", fontFamily: "Figtree" }}>
      <img src={`data:image/svg+xml;base64,${art.toString("base64")}`} width={640} height={630} alt="" />
      <div style={{ display: "flex", flexDirection: "column", justifyContent: "center", padding: 56, flex: 1 }}>
        <div style={{ fontSize: 28, fontWeight: 500, color: "#0b6e4f" }}>{SHOP.name}</div>
        <div style={{ fontSize: 60, fontWeight: 700, color: "#17201c", lineHeight: 1.1, marginTop: 20 }}>
          {keepUnits(product.name)}
        </div>
        <div style={{ fontSize: 44, fontWeight: 700, color: "#17201c", marginTop: 28 }}>
          {formatMoney(product.price, storeCurrency)}
        </div>
        <div style={{ fontSize: 26, fontWeight: 500, color: "#55625c", marginTop: 28 }}>{`Pay with ${wallets}`}</div>
      </div>
    </div>,
    {
      ...size,
      fonts: [
        { name: "Figtree", data: regular, weight: 500, style: "normal" },
        { name: "Figtree", data: bold, weight: 700, style: "normal" },
      ],
    },
  );
}
