import "server-only";
import type { TokenOutcome } from "../alipay/oauth-token";
import type { PaymentsContext } from "../payments/context";
import type { StartPaymentResult } from "../payments/send-attempt";
import { finishAlipayAuthorisation, type AuthorisationReturn } from "./alipay-authorisation";
import { payForCart } from "./pay-for-cart";
import type { ShopSessionData } from "./session";
import { spendAlipayState } from "./spend-alipay-state";

/** What came of Alipay's return: the authorisation's answer, and the payment it started when one was asked. */
export type AlipayReturnOutcome = AuthorisationReturn & { payment?: StartPaymentResult };

/**
 * Alipay's authorisation came back: its state checked against the session and spent for every instance,
 * the auth code exchanged, and, when the shopper's press of "Pay with Alipay" sent them there and the
 * user id is now known, that press carried out: the cart's order placed and its 800107 payment started,
 * so that one press suffices. The email typed is kept for the checkout form. The caller saves the session.
 */
export async function returnFromAlipay(
  ctx: PaymentsContext,
  session: ShopSessionData,
  query: URLSearchParams,
  exchange: (authCode: string) => Promise<TokenOutcome>,
): Promise<AlipayReturnOutcome> {
  const now = ctx.now();
  const result = await finishAlipayAuthorisation(
    session,
    query,
    exchange,
    (state) => spendAlipayState(ctx.db, state, now),
    now,
  );
  if (result.kind === "malformed" || result.kind === "bad-state") return result;
  session.checkoutEmail = result.email;
  delete session.alipayProblem;
  if (result.kind !== "linked" || !result.pay || !session.alipayUserId) return result;
  // The cart changed while the shopper was on Alipay's page (another tab): not paid for unseen.
  if (result.pay.cart !== undefined && result.pay.cart !== session.cartId) {
    session.alipayProblem = { code: "cartChanged" };
    return { ...result, payment: { ok: false, problem: session.alipayProblem } };
  }
  const payment = await payForCart(ctx, session, {
    email: result.email,
    wallet: "alipay",
    device: result.pay.device,
    locale: result.locale,
    payer: session.alipayUserId,
  });
  // Not placed (sold out meanwhile, the cart emptied in another tab): the checkout says why at once.
  if (!payment.ok) session.alipayProblem = payment.problem;
  return { ...result, payment };
}
