import { PRODUCTS } from "@/lib/catalog/products";
import { REASONS } from "@/lib/gateways/qfpay/qfpay-shopper-reason";
import { ORDER_STATES } from "@/lib/payments/types";
import { DEVICES, WALLETS } from "@/lib/qfpay/pay-types";
import { TRADE_PAY_RESULTS } from "@/app/[locale]/orders/[id]/trade-pay-results";

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
  { prefix: "orderStatus.", keys: ORDER_STATES.map((state) => `orderStatus.${state}`) },
  // The QFPay codes the shop explains, and the two sentences for the rest (app/_components/shopper-reason.ts).
  { prefix: "reasons.", keys: [...Object.keys(REASONS), "shopSide", "generic"].map((code) => `reasons.${code}`) },
  {
    prefix: "receipt.mail.",
    keys: ["sent", "failed", "retrying", "queued"].map((state) => `receipt.mail.${state}`),
  },
  {
    prefix: "cashier.states.",
    keys: ["paid", "declined", "expired", "closed"].map((state) => `cashier.states.${state}`),
  },
  // What the order page says of each of Alipay's tradePay result codes.
  { prefix: "alipayApp.results.", keys: TRADE_PAY_RESULTS.map((hint) => `alipayApp.results.${hint}`) },
  {
    prefix: "checkout.devices.",
    keys: DEVICES.flatMap((device) => [`checkout.devices.${device}.label`, `checkout.devices.${device}.hint`]),
  },
];
