import type { Wallet } from "./qfpay/pay-types";

/**
 * Why the shop will not do what a shopper asked (price a cart, place or retry an order), as a code with
 * the facts a sentence needs. The library decides; the page words it in the shopper's language
 * (app/_components/shopper-problem-text.ts, messages/*.json "problems"), so each rule lives once and no
 * English sentence is made where a Chinese page has to show it.
 */
export type ShopperProblem =
  | { code: "cartEmpty" }
  | { code: "cartTooManyLines"; max: number }
  | { code: "productGone" }
  | { code: "productTwice" }
  | { code: "quantityRange"; max: number }
  | { code: "soldOut"; sku: string }
  | { code: "fewLeft"; sku: string; available: number }
  | { code: "currencyNotTaken"; currency: string }
  | { code: "walletCurrency"; wallet: Wallet; currency: string }
  /** The total must be above `minimum` (minor units of `currency`). */
  | { code: "walletMinimum"; wallet: Wallet; minimum: number; currency: string }
  | { code: "orderChanged" }
  /** The cart changed between a press of "Pay" and the moment it was carried out (Alipay's return). */
  | { code: "cartChanged" }
  | { code: "orderMissing" }
  | { code: "orderClosed" }
  | { code: "checkedOutAlready" };

export type ShopperProblemCode = ShopperProblem["code"];
