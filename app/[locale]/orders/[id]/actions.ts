"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { localizedPath } from "@/i18n/localized-path";
import { shopperProblemText } from "@/app/_components/shopper-problem-text";
import { sanitizeCart } from "@/lib/cart/cart-lines";
import { guessDevice } from "@/lib/web/device";
import { walletJump } from "@/lib/web/wallet-jump";
import { getConfig } from "@/lib/env";
import { itemsOf, readOrderState } from "@/lib/payments/store/orders";
import { validatedAction } from "@/lib/web/validated-action";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import type { PaymentsContext } from "@/lib/payments/context";
import { mayViewOrder, orderPath } from "@/lib/web/order-viewer";
import { retryPayment } from "@/lib/payments/retry-payment";
import { getShopSession, setCart } from "@/lib/web/session";
import { alipayWay } from "@/lib/web/alipay-way";
import { orderIdSchema } from "@/lib/payments/ids";
import { deviceSchema, walletSchema } from "@/lib/qfpay/pay-types";

// The bound order id and token come back from the browser like any field: a hand-made request can
// send an array, an object or a number in their place. A token that is not one is simply no token.
const boundOrder = z.tuple([orderIdSchema, z.string().max(64).optional().catch(undefined)]);

/** To a page of the shop in the shopper's language (a wallet's pay_url is redirected to as it is). */
async function goTo(path: string): Promise<never> {
  redirect(localizedPath(path, await getLocale()));
}

/** The order id, if the visitor may see that order; otherwise the visitor is sent home. */
async function viewableOrder(ctx: PaymentsContext, orderId: string, token: string | undefined): Promise<string> {
  if (!(await mayViewOrder(ctx, orderId, token))) await goTo("/");
  return orderId;
}

export interface RetryState {
  /** Why no new payment was started, in the shopper's words; empty until then. */
  message: string;
}

/**
 * Another try for an order still awaiting payment: the same or the other wallet, this or the other device.
 * Goes to the payment (or back to the order) when one was started; otherwise says why not.
 */
export const retryPaymentAction = validatedAction(
  {
    bound: boundOrder,
    tampered: () => redirect("/"),
    fields: z.object({ wallet: walletSchema, device: deviceSchema }),
    // A page of this shop cannot send that: back to the order, for whoever may see it.
    invalid: async (_errors, _form, [orderId, token]): Promise<RetryState> =>
      goTo(orderPath(await viewableOrder(await getPaymentsContext(), orderId, token), token)),
  },
  async ({ wallet, device }, [orderIdArg, token]): Promise<RetryState> => {
    const ctx = await getPaymentsContext();
    const orderId = await viewableOrder(ctx, orderIdArg, token);
    const back = orderPath(orderId, token);
    if (!getConfig().qfpay.wallets.includes(wallet)) await goTo(back);
    // Inside the Alipay app, with the shopper's Alipay user id known, Alipay is paid in its own cashier again.
    const guess = guessDevice(await headers());
    const way = alipayWay(wallet, getConfig().alipay !== undefined, guess, await getShopSession());
    const result = await retryPayment(ctx, orderId, wallet, device, way.kind === "in-app" ? way.userId : undefined);
    if (!result.ok) return { message: await shopperProblemText(result.problem) };
    const jump = walletJump(ctx.gateway, result.attempt, device, guess.inApp);
    if (jump) redirect(jump);
    return goTo(back);
  },
);

/**
 * For an order that can no longer be paid (expired, or failed): its products go back into the cart, at
 * today's prices, for a new order. An order that can still be paid is refused (back to it, where its own
 * payment and its other ways are offered): a second order for the same goods could be paid twice.
 */
export const payAgainAction = validatedAction(
  { bound: boundOrder, tampered: () => redirect("/"), fields: z.object({}), invalid: () => undefined },
  async (_input, [orderIdArg, token]): Promise<void> => {
    const ctx = await getPaymentsContext();
    const orderId = await viewableOrder(ctx, orderIdArg, token);
    const state = await readOrderState(ctx.db, orderId);
    if (state !== "expired" && state !== "failed") await goTo(orderPath(orderId, token));
    const items = await itemsOf(ctx.db, orderId);
    const session = await getShopSession();
    // A new cart, with a name of its own: checking it out makes a new order.
    setCart(session, []);
    setCart(session, sanitizeCart(items.map((item) => ({ sku: item.sku, qty: item.quantity }))));
    await session.save();
    await goTo("/checkout");
  },
);
