"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isAdmin } from "@/lib/admin/admin-session";
import { attemptsOf } from "@/lib/payments/store/attempts";
import { readOrder } from "@/lib/payments/store/orders";
import { openRefunds } from "@/lib/payments/store/refunds";
import { validatedAction } from "@/lib/web/validated-action";
import { formatMoney, parseMoneyInput } from "@/lib/money";
import { paymentBalances } from "@/lib/payments/payment-balances";
import { refundsOf } from "@/lib/payments/store/refunds";
import type { PaymentsContext } from "@/lib/payments/context";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { queryAttempt } from "@/lib/payments/query-attempt";
import { queryRefund } from "@/lib/payments/query-refund";
import { refundOrder } from "@/lib/payments/refund-payment";
import { resolveReview } from "@/lib/payments/resolve-review";
import { isCurrencyCode, type CurrencyCode } from "@/lib/qfpay/currencies";
import { orderIdSchema } from "@/lib/payments/ids";

export interface AdminFormState {
  status: "idle" | "ok" | "error" | "confirm";
  message: string;
  /** A refund checked and awaiting the admin's second click: what that click sends again. */
  confirm?: { payment: number; amount: string; full: boolean };
}

/** Only the admin; an order id that is not one is a tampered page. */
const adminOrder = {
  authorize: async () => {
    if (!(await isAdmin())) redirect("/admin");
  },
  bound: z.tuple([orderIdSchema]),
  tampered: () => redirect("/admin"),
};

const error = (message: string): AdminFormState => ({ status: "error", message });

const refundFields = z.object({
  requestKey: z.uuid({ error: "Reload the page and try again." }),
  /** The payment (attempt id) a refund is taken from. */
  payment: z
    .string({ error: "Choose the payment to refund." })
    .regex(/^[1-9][0-9]{0,9}$/, { error: "Choose the payment to refund." })
    .transform(Number),
  full: z.literal("1").optional().catch(undefined),
  amount: z.string().max(32).optional().catch(undefined),
  /** The second step: the admin saw the amount in money and confirmed it. */
  confirmed: z.literal("1").optional().catch(undefined),
});

export const refundOrderAction = validatedAction(
  {
    ...adminOrder,
    fields: refundFields,
    invalid: (errors) => error(errors.requestKey ?? errors.payment ?? "Reload the page and try again."),
  },
  async ({ requestKey, payment, full, amount: typed, confirmed }, [id]): Promise<AdminFormState> => {
    const ctx = await getPaymentsContext();
    const order = await readOrder(ctx.db, id);
    if (!order || !isCurrencyCode(order.currency)) return error("This order does not exist.");
    const amount = full === "1" ? "rest" : parseMoneyInput(typed ?? "", order.currency);
    if (amount === null || (amount !== "rest" && amount <= 0)) return error("Enter an amount such as 28.00.");
    // A gateway that takes no refunds from the shop: the admin records the one made in its portal.
    const madeInPortal = ctx.gateway.refundsOutsideShop !== null;
    if (confirmed !== "1")
      return confirmRefund(ctx, order.id, order.currency, payment, amount, typed ?? "", madeInPortal);
    const result = await refundOrder(ctx, {
      orderId: id,
      attemptId: payment,
      amount,
      requestKey,
      by: "admin",
      madeInPortal,
    });
    revalidatePath(`/admin/orders/${id}`);
    if (!result.ok) return error(result.error);
    const { refund } = result;
    if (madeInPortal) return { status: "ok", message: `Refund ${refund.outTradeNo} recorded.` };
    return refund.state === "succeeded"
      ? { status: "ok", message: `Refund ${refund.outTradeNo} succeeded.` }
      : {
          status: "ok",
          message: `Refund ${refund.outTradeNo} was sent; ${ctx.gateway.name} has not confirmed it yet. It is settled by query.`,
        };
  },
);

/**
 * The refund's first step: nothing is sent, the admin is shown the amount in money and the payment it
 * comes from, and confirms with a second submit (a form, so it works without JavaScript too).
 */
async function confirmRefund(
  ctx: PaymentsContext,
  orderId: string,
  currency: CurrencyCode,
  attemptId: number,
  amount: number | "rest",
  typed: string,
  madeInPortal: boolean,
): Promise<AdminFormState> {
  const [attempts, refunds] = await Promise.all([attemptsOf(ctx.db, orderId), refundsOf(ctx.db, orderId)]);
  const balance = paymentBalances(attempts, refunds).find((p) => p.attemptId === attemptId);
  if (!balance) return error("Choose a payment of this order.");
  if (balance.refundable === 0) return error("This payment has been refunded in full already.");
  const minor = amount === "rest" ? balance.refundable : amount;
  if (minor > balance.refundable)
    return error(`At most ${formatMoney(balance.refundable, currency)} can still be refunded from this payment.`);
  const money = formatMoney(minor, currency);
  return {
    status: "confirm",
    message: madeInPortal
      ? `Record a refund of ${money} of payment ${balance.syssn}, made in the provider's portal? The shop cannot check it with the provider, and a record cannot be undone.`
      : `Refund ${money} of payment ${balance.syssn} to the shopper? A refund cannot be undone.`,
    confirm: { payment: attemptId, amount: typed, full: amount === "rest" },
  };
}

export const queryOrderNowAction = validatedAction(
  { ...adminOrder, fields: z.object({}), invalid: () => error("") },
  async (_input, [id]): Promise<AdminFormState> => {
    const ctx = await getPaymentsContext();
    const [attempts, open] = await Promise.all([attemptsOf(ctx.db, id), openRefunds(ctx.db, 500, id)]);
    const results = [
      ...(await Promise.all(attempts.map((a) => queryAttempt(ctx, a, "admin")))),
      ...(await Promise.all(open.map((r) => queryRefund(ctx, r, "admin")))),
    ];
    revalidatePath(`/admin/orders/${id}`);
    const provider = ctx.gateway.name;
    if (results.includes("gateway_unavailable"))
      return error(`${provider} did not answer every query; try again shortly.`);
    if (results.length > 0 && results.every((r) => r === "too_soon"))
      return error(`Queried a moment ago: ${provider} asks for a few seconds between queries.`);
    return {
      status: "ok",
      message: `Asked ${provider} about ${results.filter((r) => r === "settled").length} transaction(s).`,
    };
  },
);

export const resolveReviewAction = validatedAction(
  {
    ...adminOrder,
    // The note goes into the order's story (JSON in the database), where a NUL character cannot be stored.
    fields: z.object({
      note: z
        .string()
        .trim()
        .min(3)
        .max(500)
        .regex(/^[^\u0000]*$/),
    }),
    invalid: () => error("Write a short note of what you did (3 to 500 characters)."),
  },
  async ({ note }, [id]): Promise<AdminFormState> => {
    const resolved = await resolveReview(await getPaymentsContext(), id, note, "admin");
    revalidatePath(`/admin/orders/${id}`);
    return resolved ? { status: "ok", message: "Marked as reviewed." } : error("This order is not flagged.");
  },
);
