import "server-only";
import { cartOf } from "../cart/current-cart";
import type { PaymentsContext } from "../payments/context";
import type { StartPaymentResult } from "../payments/send-attempt";
import { startPayment } from "../payments/start-payment";
import type { Device, Wallet } from "../qfpay/pay-types";
import { ensureSessionId, type ShopSessionData } from "./session";

export interface PayForCartInput {
  email: string;
  wallet: Wallet;
  device: Device;
  locale: string;
  /** The shopper's Alipay user id when they pay inside the Alipay app (800107). */
  payer?: string;
}

/**
 * Places the order of the session's cart and starts its payment: the checkout's press, and the return
 * from Alipay's authorisation that stands for that same press. A second call for the same cart (a double
 * click, another tab, a racing return) is answered with the first one's order. The cart stays until it
 * is paid for: a shopper who declines or lets it expire comes back to it. The caller saves the session.
 */
export async function payForCart(
  ctx: PaymentsContext,
  session: ShopSessionData,
  input: PayForCartInput,
): Promise<StartPaymentResult> {
  const { priced, checkout } = await cartOf(ctx.db, session);
  if (!priced?.ok || !checkout)
    return { ok: false, problem: priced?.ok === false ? priced.problem : { code: "cartEmpty" } };
  return startPayment(ctx, {
    sessionId: ensureSessionId(session),
    email: input.email,
    items: priced.items,
    wallet: input.wallet,
    device: input.device,
    checkoutKey: checkout.checkoutKey,
    locale: input.locale,
    payer: input.payer,
  });
}
