"use server";

import { and, eq, inArray } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isAdmin } from "@/lib/admin/admin-session";
import { orders } from "@/lib/db/schema/orders";
import { formOf } from "@/lib/web/form-of";
import { paymentAttempts, refunds } from "@/lib/db/schema/payments";
import { parseMoneyInput } from "@/lib/money";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { queryAttempt } from "@/lib/payments/query-attempt";
import { queryRefund } from "@/lib/payments/query-refund";
import { refundOrder } from "@/lib/payments/refund-payment";
import { resolveReview } from "@/lib/payments/resolve-review";
import { isCurrencyCode } from "@/lib/qfpay/currencies";
import { orderIdSchema } from "@/lib/payments/ids";

export interface AdminFormState {
  status: "idle" | "ok" | "error";
  message: string;
}

/** The payment (attempt id) a refund is taken from. */
const paymentSchema = z.string().regex(/^[1-9][0-9]{0,9}$/).transform(Number);
// The note goes into the order's story (JSON in the database), where a NUL character cannot be stored.
const noteSchema = z.string().trim().min(3).max(500).regex(/^[^\u0000]*$/);

async function guard(orderId: string): Promise<string> {
  if (!(await isAdmin())) redirect("/admin");
  const parsed = orderIdSchema.safeParse(orderId);
  if (!parsed.success) redirect("/admin");
  return parsed.data;
}

export async function refundOrderAction(orderId: string, _previous: AdminFormState, formArg: FormData): Promise<AdminFormState> {
  const id = await guard(orderId);
  const form = formOf(formArg);
  const ctx = await getPaymentsContext();
  const [order] = await ctx.db.select({ currency: orders.currency }).from(orders).where(eq(orders.id, id));
  if (!order || !isCurrencyCode(order.currency)) return { status: "error", message: "This order does not exist." };
  const requestKey = z.string().uuid().safeParse(form.get("requestKey"));
  if (!requestKey.success) return { status: "error", message: "Reload the page and try again." };
  const payment = paymentSchema.safeParse(form.get("payment"));
  if (!payment.success) return { status: "error", message: "Choose the payment to refund." };
  const amount = form.get("full") === "1" ? "rest" : parseMoneyInput(String(form.get("amount") ?? ""), order.currency);
  if (amount === null || (amount !== "rest" && amount <= 0)) return { status: "error", message: "Enter an amount such as 28.00." };
  const result = await refundOrder(ctx, { orderId: id, attemptId: payment.data, amount, requestKey: requestKey.data, by: "admin" });
  revalidatePath(`/admin/orders/${id}`);
  if (!result.ok) return { status: "error", message: result.error };
  const { refund } = result;
  return refund.state === "succeeded"
    ? { status: "ok", message: `Refund ${refund.outTradeNo} succeeded.` }
    : { status: "ok", message: `Refund ${refund.outTradeNo} was sent; QFPay has not confirmed it yet. It is settled by query.` };
}

export async function queryOrderNowAction(orderId: string, _previous: AdminFormState): Promise<AdminFormState> {
  const id = await guard(orderId);
  const ctx = await getPaymentsContext();
  const attempts = await ctx.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, id));
  const open = await ctx.db.select().from(refunds).where(and(eq(refunds.orderId, id), inArray(refunds.state, ["created", "unknown"])));
  const results = [...(await Promise.all(attempts.map((a) => queryAttempt(ctx, a, "admin")))), ...(await Promise.all(open.map((r) => queryRefund(ctx, r, "admin"))))];
  revalidatePath(`/admin/orders/${id}`);
  if (results.includes("gateway_unavailable")) return { status: "error", message: "QFPay did not answer every query; try again shortly." };
  if (results.length > 0 && results.every((r) => r === "too_soon")) return { status: "error", message: "Queried a moment ago: QFPay asks for a few seconds between queries." };
  return { status: "ok", message: `Asked QFPay about ${results.filter((r) => r === "settled").length} transaction(s).` };
}

export async function resolveReviewAction(orderId: string, _previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  const id = await guard(orderId);
  const note = noteSchema.safeParse(formOf(form).get("note"));
  if (!note.success) return { status: "error", message: "Write a short note of what you did (3 to 500 characters)." };
  const resolved = await resolveReview(await getPaymentsContext(), id, note.data, "admin");
  revalidatePath(`/admin/orders/${id}`);
  return resolved ? { status: "ok", message: "Marked as reviewed." } : { status: "error", message: "This order is not flagged." };
}
