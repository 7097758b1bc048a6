"use server";

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { sanitizeCart } from "@/lib/cart/cart-lines";
import { orderItems } from "@/lib/db/schema/orders";
import { guessDevice } from "@/lib/web/device";
import { getConfig } from "@/lib/env";
import { formOf } from "@/lib/web/form-of";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import type { PaymentsContext } from "@/lib/payments/context";
import { mayViewOrder, orderPath } from "@/lib/web/order-viewer";
import { retryPayment } from "@/lib/payments/start-payment";
import { getShopSession, setCart } from "@/lib/web/session";
import { orderIdSchema } from "@/lib/payments/ids";
import { deviceSchema, walletSchema } from "@/lib/qfpay/pay-types";

const retrySchema = z.object({ wallet: walletSchema, device: deviceSchema });
const tokenSchema = z.string().max(64).optional();
// The bound order id and token come back from the browser like any field: a hand-made request can
// send an array, an object or a number in their place.

/** The order id, if the visitor may see that order; otherwise the visitor is sent home. */
async function viewableOrder(ctx: PaymentsContext, orderId: unknown, token: string | undefined): Promise<string> {
  const id = orderIdSchema.safeParse(orderId);
  if (!id.success || !(await mayViewOrder(ctx, id.data, token))) redirect("/");
  return id.data;
}

export interface RetryState {
  /** Why no new payment was started, in the shopper's words; empty until then. */
  message: string;
}

/**
 * Another try for an order still awaiting payment: the same or the other wallet, this or the other device.
 * Goes to the payment (or back to the order) when one was started; otherwise says why not.
 */
export async function retryPaymentAction(orderIdArg: string, token: string | undefined, _previous: RetryState, formArg: FormData): Promise<RetryState> {
  const ctx = await getPaymentsContext();
  const safeToken = tokenSchema.safeParse(token).data;
  const orderId = await viewableOrder(ctx, orderIdArg, safeToken);
  const back = orderPath(orderId, safeToken);
  const form = formOf(formArg);
  const parsed = retrySchema.safeParse({ wallet: form.get("wallet"), device: form.get("device") });
  if (!parsed.success || !getConfig().qfpay.wallets.includes(parsed.data.wallet)) redirect(back);
  const result = await retryPayment(ctx, orderId, parsed.data.wallet, parsed.data.device);
  if (!result.ok) return { message: result.error };
  if (parsed.data.device === "mobile" && !guessDevice(await headers()).inApp && result.attempt.state === "awaiting_payment" && result.attempt.payUrl) {
    redirect(result.attempt.payUrl);
  }
  redirect(back);
}

/** For an order that can no longer be paid: its products go back into the cart, at today's prices. */
export async function payAgainAction(orderIdArg: string, token: string | undefined): Promise<void> {
  const ctx = await getPaymentsContext();
  const orderId = await viewableOrder(ctx, orderIdArg, tokenSchema.safeParse(token).data);
  const items = await ctx.db.select().from(orderItems).where(eq(orderItems.orderId, orderId));
  const session = await getShopSession();
  // A new cart, with a name of its own: checking it out makes a new order.
  setCart(session, []);
  setCart(session, sanitizeCart(items.map((item) => ({ sku: item.sku, qty: item.quantity }))));
  await session.save();
  redirect("/checkout");
}
