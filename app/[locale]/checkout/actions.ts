"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { localizedPath } from "@/i18n/localized-path";
import { shopperProblemText } from "@/app/_components/shopper-problem-text";
import { cartOf } from "@/lib/cart/current-cart";
import { clientAddress } from "@/lib/web/client-address";
import { guessDevice } from "@/lib/web/device";
import { walletJump } from "@/lib/web/wallet-jump";
import { getConfig } from "@/lib/env";
import { validatedAction } from "@/lib/web/validated-action";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { payForCart } from "@/lib/web/pay-for-cart";
import { allowRequest, CHECKOUT_RULE, rateKey } from "@/lib/web/rate-limit";
import { getShopSession } from "@/lib/web/session";
import { beginAlipayAuthorisation } from "@/lib/web/alipay-authorisation";
import { alipayWay } from "@/lib/web/alipay-way";
import { deviceSchema, walletSchema } from "@/lib/qfpay/pay-types";

export interface CheckoutState {
  status: "idle" | "error";
  message: string;
  email: string;
  emailError?: string;
}

const checkoutFields = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  wallet: walletSchema,
  device: deviceSchema,
});

/** What the shopper typed, given back to the form (cut to what an address can be). */
const typedEmail = (form: FormData) => String(form.get("email") ?? "").slice(0, 254);

/** Places the order and starts its payment; then the wallet (phones) or the QR code page (computers). */
export const startCheckoutAction = validatedAction(
  {
    fields: checkoutFields,
    invalid: async (errors, form): Promise<CheckoutState> => {
      const t = await getTranslations("checkout.messages");
      return errors.email
        ? { status: "error", message: t("emailMissing"), email: typedEmail(form), emailError: t("emailInvalid") }
        : { status: "error", message: t("chooseWallet"), email: typedEmail(form) };
    },
  },
  async ({ email, wallet, device }): Promise<CheckoutState> => {
    const t = await getTranslations("checkout.messages");
    const locale = await getLocale();
    if (!getConfig().qfpay.wallets.includes(wallet)) return { status: "error", message: t("walletNotOffered"), email };

    const ctx = await getPaymentsContext();
    const rateRule = rateKey(CHECKOUT_RULE, [clientAddress(await headers(), getConfig())], ctx.sessionSecret);
    if (!(await allowRequest(ctx.db, CHECKOUT_RULE, rateRule))) {
      return { status: "error", message: t("tooMany"), email };
    }

    const session = await getShopSession();

    // Inside the Alipay app, Alipay is paid in its own cashier, for which the shop first learns the
    // shopper's Alipay user id through Alipay's authorisation; its return places the order for this press.
    const guess = guessDevice(await headers());
    const { alipay, siteUrl } = getConfig();
    const way = alipayWay(wallet, alipay !== undefined, guess, session);
    if (way.kind === "authorise" && alipay) {
      const { priced } = await cartOf(ctx.db, session);
      if (!priced?.ok) {
        const message = priced ? await shopperProblemText(priced.problem) : t("cartEmpty");
        return { status: "error", message, email };
      }
      const target = beginAlipayAuthorisation(
        session,
        alipay,
        `${siteUrl}/api/alipay/return`,
        { email, locale, pay: { device, cart: session.cartId } },
        ctx.now(),
      );
      await session.save();
      redirect(target);
    }

    const result = await payForCart(ctx, session, {
      email,
      wallet,
      device,
      locale,
      payer: way.kind === "in-app" ? way.userId : undefined,
    });
    if (!result.ok) {
      const message = result.problem.code === "cartEmpty" ? t("cartEmpty") : await shopperProblemText(result.problem);
      return { status: "error", message, email };
    }

    const jump = walletJump(ctx.gateway, result.attempt, device, guess.inApp);
    // Otherwise the order page in the shopper's language (pay_url is the wallet's, outside the shop).
    redirect(jump ?? localizedPath(`/orders/${result.orderId}`, locale));
  },
);
