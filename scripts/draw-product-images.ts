import { writeFileSync } from "node:fs";
import path from "node:path";
import { caddyTins, celadonCups, gaiwan, glassKettle, harbourTote, yixingTeapot } from "./product-art/wares";
import { jasminePearls, longjing, milkTea, puer, shouMei, tieguanyin } from "./product-art/teas";

/**
 * Draws the catalog's illustrations into public/products/ (`npm run images`). They are drawn for this
 * shop, as code, so a fork can redraw or replace them and nobody's photograph is redistributed.
 */

const ART: Record<string, () => string> = {
  "tieguanyin-oolong": tieguanyin,
  "aged-puer-cake": puer,
  "jasmine-pearls": jasminePearls,
  "longjing-green": longjing,
  "shou-mei-white": shouMei,
  "hong-kong-milk-tea-blend": milkTea,
  "porcelain-gaiwan": gaiwan,
  "yixing-clay-teapot": yixingTeapot,
  "celadon-cup-set": celadonCups,
  "glass-kettle": glassKettle,
  "harbour-tote-bag": harbourTote,
  "tea-caddy-tins": caddyTins,
};

const OUT = path.resolve(__dirname, "../public/products");
for (const [slug, draw] of Object.entries(ART)) {
  const svg = draw();
  writeFileSync(path.join(OUT, `${slug}.svg`), svg);
  console.log(`${slug}.svg ${(svg.length / 1024).toFixed(1)} kB`);
}
