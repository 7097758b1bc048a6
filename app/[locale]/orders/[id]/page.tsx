import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { guessDevice } from "@/lib/web/device";
import { getConfig } from "@/lib/env";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { orderUrl } from "@/lib/payments/order-access";
import { readOrderStatus } from "@/lib/payments/order-status";
import { mayViewOrder } from "@/lib/web/order-viewer";
import { deliverDueSandboxNotifications } from "@/lib/sandbox/instance";
import { WALLET_NAMES, type Wallet } from "@/lib/qfpay/pay-types";
import { payAgainAction } from "./actions";
import { LiveStatus } from "./live-status";
import { OpenPayment } from "./open-payment";
import { OrderItems } from "./order-items";
import { Receipt } from "./receipt";
import { walletChoices } from "./retry-choices";
import { RetryOptions } from "./retry-options";

export const metadata: Metadata = { title: "Your order", robots: { index: false } };

export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ t?: string | string[]; pay?: string | string[] }>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const rawToken = query.t;
  // "Pay another way" from the orders list or the cart lands here with the choices open.
  const otherWaysOpen = query.pay === "another";
  const token = typeof rawToken === "string" ? rawToken : undefined;
  const ctx = await getPaymentsContext();
  if (!(await mayViewOrder(ctx, id, token))) notFound();
  await deliverDueSandboxNotifications();
  const view = await readOrderStatus(ctx, id);
  if (!view) notFound();

  const { order, attempt } = view;
  const config = getConfig();
  const device = guessDevice(await headers());
  const wallets = config.qfpay.wallets;
  const current: Wallet = attempt?.wallet ?? wallets[0]!;
  const flowDevice = device.kind;
  const others = walletChoices(wallets, current, flowDevice).slice(1);
  const payAgain = payAgainAction.bind(null, order.id, token);

  const payable = order.state === "awaiting_payment" && attempt?.state === "awaiting_payment" && attempt.payUrl;
  const confirming =
    order.state === "awaiting_payment" && (attempt?.state === "created" || attempt?.state === "unknown");
  const failedTry =
    order.state === "awaiting_payment" &&
    (attempt?.state === "failed" || attempt?.state === "superseded" || attempt?.state === "expired");

  const paidFamily = order.state === "paid" || order.state === "partially_refunded" || order.state === "refunded";

  return (
    <main className="page narrow" id="main">
      <h1>
        Your order <span className="order-number">{order.number}</span>
      </h1>
      {/* Keyed by the state: a page re-rendered in another state (a retry's redirect) shows it at once. */}
      <LiveStatus
        key={`${order.state}:${attempt?.state ?? null}`}
        orderId={order.id}
        token={token}
        text={view.statusText}
        tone={view.tone}
        stateKey={`${order.state}:${attempt?.state ?? null}`}
        final={view.final}
      />
      {order.needsReview && order.state !== "awaiting_payment" && (
        <p className="notice">We are checking this order and will email you if anything needs your attention.</p>
      )}

      {payable && (
        <OpenPayment
          view={view}
          token={token}
          shareUrl={orderUrl(ctx.siteUrl, order.id, ctx.sessionSecret, order.locale)}
          inApp={device.inApp}
          otherWallets={others}
          otherWaysOpen={otherWaysOpen}
        />
      )}

      {confirming && (
        <section className="confirming">
          <p>We are confirming your payment with QFPay. This page updates by itself; please do not pay again.</p>
          <details className="other-ways" id="pay-another-way" open={otherWaysOpen}>
            <summary>The payment page never opened?</summary>
            <RetryOptions
              orderId={order.id}
              token={token}
              choices={walletChoices(wallets, current, flowDevice).map((choice, index) =>
                index === 0 ? { ...choice, label: `Start again with ${WALLET_NAMES[choice.wallet]}` } : choice,
              )}
            />
          </details>
        </section>
      )}

      {failedTry && attempt && (
        <section className="payment-problem" id="pay-another-way">
          <p>{ctx.gateway.shopperReason(attempt.failureCode, attempt.failureReason)} Nothing was charged.</p>
          <RetryOptions orderId={order.id} token={token} choices={walletChoices(wallets, current, flowDevice)} />
        </section>
      )}

      {(order.state === "expired" || order.state === "failed") && (
        <section className="payment-problem" id="pay-another-way">
          <p>
            {order.state === "expired"
              ? "The time to pay ran out before a payment arrived. Nothing was charged."
              : `${ctx.gateway.shopperReason(attempt?.failureCode ?? null, attempt?.failureReason ?? null)} Nothing was charged.`}
          </p>
          <form action={payAgain}>
            <button type="submit" className="button button-primary">
              Pay another way
            </button>
          </form>
          <p className="field-hint">Your items go back into your cart, and you choose how to pay.</p>
        </section>
      )}

      {paidFamily ? (
        <>
          <Receipt view={view} />
          <p className="page-links">
            <Link href="/" className="button button-primary">
              Continue shopping
            </Link>{" "}
            <Link href="/orders" className="button button-quiet">
              Your orders
            </Link>
          </p>
        </>
      ) : (
        <OrderItems view={view} />
      )}
    </main>
  );
}
