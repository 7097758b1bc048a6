"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { readCart } from "@/lib/cart/current-cart";
import { clientAddress } from "@/lib/web/client-address";
import { guessDevice } from "@/lib/web/device";
import { getConfig } from "@/lib/env";
import { formOf } from "@/lib/web/form-of";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { startPayment } from "@/lib/payments/start-payment";
import { allowRequest, CHECKOUT_RULE, rateKey } from "@/lib/web/rate-limit";
import { checkoutKeyOf, ensureSessionId, setCart } from "@/lib/web/session";
import { deviceSchema, walletSchema } from "@/lib/qfpay/pay-types";

export interface CheckoutState {
  status: "idle" | "error";
  message: string;
  email: string;
  emailError?: string;
}

const checkoutSchema = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  wallet: walletSchema,
  device: deviceSchema,
});

/** Places the order and starts its payment; then the wallet (phones) or the QR code page (computers). */
export async function startCheckoutAction(_previous: CheckoutState, formArg: FormData): Promise<CheckoutState> {
  const form = formOf(formArg);
  const email = String(form.get("email") ?? "").slice(0, 254);
  const parsed = checkoutSchema.safeParse({ email: form.get("email"), wallet: form.get("wallet"), device: form.get("device") });
  if (!parsed.success) {
    const emailProblem = parsed.error.issues.some((issue) => issue.path[0] === "email");
    return emailProblem
      ? { status: "error", message: "Enter the email address for your receipt.", email, emailError: "Enter an email address like name@example.com." }
      : { status: "error", message: "Choose how to pay.", email };
  }
  const { wallet, device } = parsed.data;
  if (!getConfig().qfpay.wallets.includes(wallet)) return { status: "error", message: "That wallet is not offered here.", email };

  const ctx = await getPaymentsContext();
  const rateRule = rateKey(CHECKOUT_RULE, [clientAddress(await headers(), getConfig())], ctx.sessionSecret);
  if (!(await allowRequest(ctx.db, CHECKOUT_RULE, rateRule))) {
    return { status: "error", message: "Too many orders from here in a short time. Please wait a few minutes and try again.", email };
  }

  const { session, priced } = await readCart();
  if (!priced?.ok) return { status: "error", message: priced ? priced.error : "Your cart is empty.", email };
  const sessionId = ensureSessionId(session);
  const checkoutKey = checkoutKeyOf(session, sessionId);
  await session.save();

  // A second submit of this cart (a double click, another tab) is answered with the first one's order.
  const result = await startPayment(ctx, { sessionId, email: parsed.data.email, items: priced.items, wallet, device, checkoutKey });
  if (!result.ok) return { status: "error", message: result.error, email };
  setCart(session, []);
  await session.save();

  const { attempt, orderId } = result;
  // Phones go straight to the wallet, unless an app's browser would block the jump to it.
  const inApp = guessDevice(await headers()).inApp;
  if (device === "mobile" && !inApp && attempt.state === "awaiting_payment" && attempt.payUrl) redirect(attempt.payUrl);
  redirect(`/orders/${orderId}`);
}
