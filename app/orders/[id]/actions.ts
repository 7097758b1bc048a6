"use server";

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { sanitizeCart } from "@/lib/cart/cart-lines";
import { orderItems } from "@/lib/db/schema/orders";
import { guessDevice } from "@/lib/device";
import { getConfig } from "@/lib/env";
import { getPaymentsContext } from "@/lib/payments/app-context";
import { mayViewOrder, orderPath } from "@/lib/payments/order-viewer";
import { retryPayment } from "@/lib/payments/start-payment";
import { getShopSession } from "@/lib/session";

const retrySchema = z.object({ wallet: z.enum(["alipayhk", "alipay"]), device: z.enum(["desktop", "mobile"]) });
const tokenSchema = z.string().max(64).optional();

/** Another try for an order still awaiting payment: the same or the other wallet, this or the other device. */
export async function retryPaymentAction(orderId: string, token: string | undefined, form: FormData): Promise<void> {
  const ctx = await getPaymentsContext();
  const safeToken = tokenSchema.safeParse(token).data;
  if (!(await mayViewOrder(ctx, orderId, safeToken))) redirect("/");
  const back = orderPath(orderId, safeToken);
  const parsed = retrySchema.safeParse({ wallet: form.get("wallet"), device: form.get("device") });
  if (!parsed.success || !getConfig().qfpay.wallets.includes(parsed.data.wallet)) redirect(back);
  const result = await retryPayment(ctx, orderId, parsed.data.wallet, parsed.data.device);
  if (result.ok && parsed.data.device === "mobile" && !guessDevice(await headers()).inApp && result.attempt.state === "awaiting_payment" && result.attempt.payUrl) {
    redirect(result.attempt.payUrl);
  }
  redirect(back);
}

/** For an order that can no longer be paid: its products go back into the cart, at today's prices. */
export async function payAgainAction(orderId: string, token: string | undefined): Promise<void> {
  const ctx = await getPaymentsContext();
  const safeToken = tokenSchema.safeParse(token).data;
  if (!(await mayViewOrder(ctx, orderId, safeToken))) redirect("/");
  const items = await ctx.db.select().from(orderItems).where(eq(orderItems.orderId, orderId));
  const session = await getShopSession();
  session.cart = sanitizeCart(items.map((item) => ({ sku: item.sku, qty: item.quantity })));
  await session.save();
  redirect("/checkout");
}
