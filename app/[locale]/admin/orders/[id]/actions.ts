"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { redirect } from "next/navigation";
import { localizedPath } from "@/i18n/localized-path";
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
import type { RefundProblem } from "@/lib/payments/refund-problem";
import { refundProblemText } from "./refund-problem-text";

export interface AdminFormState {
  status: "idle" | "ok" | "error" | "confirm";
  message: string;
  /** A refund checked and awaiting the admin's second click: what that click sends again. */
  confirm?: { payment: number; amount: string; full: boolean };
}

/** Back to the admin's front page, in the language the admin reads it in. */
async function toAdmin(): Promise<never> {
  return redirect(localizedPath("/admin", await getLocale()));
}

/** Only the admin; an order id that is not one is a tampered page. */
const adminOrder = {
  authorize: async () => {
    if (!(await isAdmin())) await toAdmin();
  },
  bound: z.tuple([orderIdSchema]),
  // A forged request: sent to the admin's front page (in English, its address without a language).
  tampered: () => redirect("/admin"),
};

// The order's admin page in every language (English at the root is /en inside): the action's answer redraws it.
const ADMIN_ORDER_PAGE = "/[locale]/admin/orders/[id]";

const error = (message: string): AdminFormState => ({ status: "error", message });

type Translate = Awaited<ReturnType<typeof getTranslations<"admin.messages">>>;
const words = () => getTranslations("admin.messages");

/** A refund refused, worded in the admin's language (one place for every refusal's words). */
const refusal = async (problem: RefundProblem) => error(await refundProblemText(problem));

/** The refund form's own refusals, by code: the schema knows no language, the page's messages do. */
const REFUND_FIELD_ERRORS = ["reload", "choosePayment"] as const;
const fieldError = (key: string | undefined) =>
  refusal({ code: REFUND_FIELD_ERRORS.find((known) => known === key) ?? "reload" });

const refundFields = z.object({
  requestKey: z.uuid({ error: "reload" }),
  /** The payment (attempt id) a refund is taken from. */
  payment: z
    .string({ error: "choosePayment" })
    .regex(/^[1-9][0-9]{0,9}$/, { error: "choosePayment" })
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
    invalid: (errors) => fieldError(errors.requestKey ?? errors.payment),
  },
  async ({ requestKey, payment, full, amount: typed, confirmed }, [id]): Promise<AdminFormState> => {
    const t = await words();
    const ctx = await getPaymentsContext();
    const order = await readOrder(ctx.db, id);
    if (!order || !isCurrencyCode(order.currency)) return refusal({ code: "orderMissing" });
    const amount = full === "1" ? "rest" : parseMoneyInput(typed ?? "", order.currency);
    if (amount === null || (amount !== "rest" && amount <= 0)) return refusal({ code: "enterAmount" });
    // A gateway that takes no refunds from the shop: the admin records the one made in its portal.
    const madeInPortal = ctx.gateway.refundsOutsideShop !== null;
    if (confirmed !== "1")
      return confirmRefund(t, ctx, order.id, order.currency, payment, amount, typed ?? "", madeInPortal);
    const result = await refundOrder(ctx, {
      orderId: id,
      attemptId: payment,
      amount,
      requestKey,
      by: "admin",
      madeInPortal,
    });
    revalidatePath(ADMIN_ORDER_PAGE, "page");
    if (!result.ok) return refusal(result.problem);
    const number = result.refund.outTradeNo;
    if (madeInPortal) return { status: "ok", message: t("recorded", { number }) };
    return result.refund.state === "succeeded"
      ? { status: "ok", message: t("succeeded", { number }) }
      : { status: "ok", message: t("sent", { number, provider: ctx.gateway.name }) };
  },
);

/**
 * The refund's first step: nothing is sent, the admin is shown the amount in money and the payment it
 * comes from, and confirms with a second submit (a form, so it works without JavaScript too).
 */
async function confirmRefund(
  t: Translate,
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
  if (!balance) return refusal({ code: "paymentOfOrder" });
  if (balance.refundable === 0) return refusal({ code: "refundedInFull" });
  const locale = await getLocale();
  const minor = amount === "rest" ? balance.refundable : amount;
  if (minor > balance.refundable) return refusal({ code: "atMost", max: balance.refundable, currency });
  const facts = { amount: formatMoney(minor, currency, locale), syssn: balance.syssn };
  return {
    status: "confirm",
    message: madeInPortal ? t("confirmRecord", facts) : t("confirmRefund", facts),
    confirm: { payment: attemptId, amount: typed, full: amount === "rest" },
  };
}

export const queryOrderNowAction = validatedAction(
  { ...adminOrder, fields: z.object({}), invalid: () => error("") },
  async (_input, [id]): Promise<AdminFormState> => {
    const t = await words();
    const ctx = await getPaymentsContext();
    const [attempts, open] = await Promise.all([attemptsOf(ctx.db, id), openRefunds(ctx.db, 500, id)]);
    const results = [
      ...(await Promise.all(attempts.map((a) => queryAttempt(ctx, a, "admin")))),
      ...(await Promise.all(open.map((r) => queryRefund(ctx, r, "admin")))),
    ];
    revalidatePath(ADMIN_ORDER_PAGE, "page");
    const provider = ctx.gateway.name;
    if (results.includes("gateway_unavailable")) return error(t("queryUnanswered", { provider }));
    if (results.length > 0 && results.every((r) => r === "too_soon")) return error(t("queryTooSoon", { provider }));
    return {
      status: "ok",
      message: t("queried", { provider, count: results.filter((r) => r === "settled").length }),
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
    invalid: async () => error((await words())("writeNote")),
  },
  async ({ note }, [id]): Promise<AdminFormState> => {
    const t = await words();
    const resolved = await resolveReview(await getPaymentsContext(), id, note, "admin");
    revalidatePath(ADMIN_ORDER_PAGE, "page");
    return resolved ? { status: "ok", message: t("reviewed") } : error(t("notFlagged"));
  },
);
