import { PRODUCTS } from "@/lib/catalog/products";
import { DEVICES, WALLETS } from "@/lib/qfpay/pay-types";

/** Message keys the code makes at run time, each with the list it makes them from. */
export const DYNAMIC_KEYS: { prefix: string; keys: string[] }[] = [
  {
    prefix: "catalog.products.",
    keys: PRODUCTS.flatMap((p) => [`catalog.products.${p.slug}.name`, `catalog.products.${p.slug}.description`]),
  },
  {
    prefix: "catalog.categories.",
    keys: [...new Set(PRODUCTS.map((p) => `catalog.categories.${p.category}`))],
  },
  { prefix: "wallets.", keys: WALLETS.map((wallet) => `wallets.${wallet}`) },
  {
    prefix: "checkout.devices.",
    keys: DEVICES.flatMap((device) => [`checkout.devices.${device}.label`, `checkout.devices.${device}.hint`]),
  },
];
