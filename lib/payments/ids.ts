import { randomBytes } from "node:crypto";
import { z } from "zod";

/** An order id as newOrderId writes it: anything else names no order, and is refused before any lookup. */
export const orderIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** 128 random bits: order ids appear in URLs and must not be guessable. */
export function newOrderId(): string {
  return randomBytes(16).toString("base64url");
}

/** QFPay's out_trade_no for a payment attempt or a refund: unique across both, visible ASCII, short. */
export function newOutTradeNo(kind: "payment" | "refund"): string {
  return `${kind === "payment" ? "P" : "R"}${randomBytes(12).toString("hex").toUpperCase()}`;
}
