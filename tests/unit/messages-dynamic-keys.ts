import { PRODUCTS } from "@/lib/catalog/products";
import { GLOBAL_ERROR_WORDS } from "@/app/global-error-words";
import { ATTEMPT_STATES, REFUND_STATES } from "@/lib/db/schema/payments";
import { SHOPPER_REASON_KEYS } from "@/lib/payments/shopper-reason";
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
  // Every reason a gateway may give a shopper (lib/payments/shopper-reason.ts), worded by app/_components/shopper-reason.ts.
  { prefix: "reasons.", keys: SHOPPER_REASON_KEYS.map((key) => `reasons.${key}`) },
  // The admin's tables show an attempt's and a refund's state by the record's own word.
  { prefix: "admin.attemptStates.", keys: ATTEMPT_STATES.map((state) => `admin.attemptStates.${state}`) },
  { prefix: "admin.refundStates.", keys: REFUND_STATES.map((state) => `admin.refundStates.${state}`) },
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
  // The root error page reads its copy of these (app/global-error-words.ts); messages.test.ts holds the two equal.
  {
    prefix: "globalError.",
    keys: Object.keys(GLOBAL_ERROR_WORDS.en).map((key) => `globalError.${key}`),
  },
];
