import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/link";
import { shopperReasonText } from "@/app/_components/shopper-reason";
import { statusKeyOf } from "@/lib/payments/status-key";
import { guessDevice } from "@/lib/web/device";
import { getConfig } from "@/lib/env";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { orderUrl } from "@/lib/payments/order-access";
import { readOrderStatus } from "@/lib/payments/order-status";
import { providerName } from "@/lib/provider-name";
import { mayViewOrder } from "@/lib/web/order-viewer";
import { deliverDueSandboxNotifications } from "@/lib/sandbox/instance";
import type { Wallet } from "@/lib/qfpay/pay-types";
import { payAgainAction } from "./actions";
import { LiveStatus } from "./live-status";
import { OpenPayment } from "./open-payment";
import { InAppPayment } from "./in-app-payment";
import { flowOfMethod } from "@/lib/gateways/method-flow";
import { OrderItems } from "./order-items";
import { Receipt } from "./receipt";
import { walletChoices } from "./retry-choices";
import { RetryOptions } from "./retry-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("order"))("title"), robots: { index: false } };
}

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
  const t = await getTranslations("order");
  const tw = await getTranslations("wallets");
  const ts = await getTranslations("orderStatus");
  const choiceLabel = (wallet: Wallet, first: boolean) =>
    first ? t("tryAgainWith", { wallet: tw(wallet) }) : t("payWith", { wallet: tw(wallet) });
  const reason = async (code: string | null, fallback: string | null) =>
    shopperReasonText(ctx.gateway.shopperReason(code, fallback), ctx.gateway.name);
  const config = getConfig();
  const device = guessDevice(await headers());
  const wallets = config.qfpay.wallets;
  const current: Wallet = attempt?.wallet ?? wallets[0]!;
  const flowDevice = device.kind;
  const others = walletChoices(wallets, current, flowDevice, choiceLabel).slice(1);
  const payAgain = payAgainAction.bind(null, order.id, token);

  const payable =
    order.state === "awaiting_payment" && attempt?.state === "awaiting_payment" && (attempt.payUrl || attempt.tradeNo);
  // Paid in the Alipay app's own cashier (800107), with the tradeNO QFPay answered rather than a page.
  const inAppCashier = payable && attempt.tradeNo && flowOfMethod(attempt.payType) === "h5";
  const confirming =
    order.state === "awaiting_payment" && (attempt?.state === "created" || attempt?.state === "unknown");
  const failedTry =
    order.state === "awaiting_payment" &&
    (attempt?.state === "failed" || attempt?.state === "superseded" || attempt?.state === "expired");

  const paidFamily = order.state === "paid" || order.state === "partially_refunded" || order.state === "refunded";

  return (
    <main className="page narrow" id="main">
      <h1>
        {t.rich("heading", {
          number: order.number,
          nr: (chunks) => <span className="order-number">{chunks}</span>,
        })}
      </h1>
      {/* Keyed by the state: a page re-rendered in another state (a retry's redirect) shows it at once. */}
      <LiveStatus
        key={`${order.state}:${attempt?.state ?? null}`}
        orderId={order.id}
        token={token}
        text={ts(statusKeyOf(order.state, attempt?.state))}
        tone={view.tone}
        stateKey={`${order.state}:${attempt?.state ?? null}`}
        final={view.final}
      />
      {order.needsReview && order.state !== "awaiting_payment" && <p className="notice">{t("checking")}</p>}

      {inAppCashier && (
        <InAppPayment
          view={view}
          token={token}
          alipayApp={device.alipayApp}
          sandbox={config.qfpay.environment === "sandbox"}
          provider={ctx.gateway.name}
          // The same wallet again (in Alipay's cashier inside its app, its web page elsewhere), then the others.
          otherWays={walletChoices(wallets, current, flowDevice, choiceLabel)}
          otherWaysOpen={otherWaysOpen}
        />
      )}

      {payable && !inAppCashier && attempt.payUrl && (
        <OpenPayment
          view={view}
          token={token}
          shareUrl={orderUrl(ctx.siteUrl, order.id, ctx.sessionSecret, order.locale)}
          inApp={device.inApp}
          otherWallets={others}
          otherWaysOpen={otherWaysOpen}
          returnsShopper={ctx.gateway.returnsShopper}
        />
      )}

      {confirming && (
        <section className="confirming">
          <p>{t("confirming", { provider: providerName() })}</p>
          <details className="other-ways" id="pay-another-way" open={otherWaysOpen}>
            <summary>{t("neverOpened")}</summary>
            <RetryOptions
              orderId={order.id}
              token={token}
              choices={walletChoices(wallets, current, flowDevice, choiceLabel).map((choice, index) =>
                index === 0 ? { ...choice, label: t("startAgainWith", { wallet: tw(choice.wallet) }) } : choice,
              )}
            />
          </details>
        </section>
      )}

      {failedTry && attempt && (
        <section className="payment-problem" id="pay-another-way">
          <p>{t("notCharged", { reason: await reason(attempt.failureCode, attempt.failureReason) })}</p>
          <RetryOptions
            orderId={order.id}
            token={token}
            choices={walletChoices(wallets, current, flowDevice, choiceLabel)}
          />
        </section>
      )}

      {(order.state === "expired" || order.state === "failed") && (
        <section className="payment-problem" id="pay-another-way">
          <p>
            {order.state === "expired"
              ? t("timeRanOut")
              : t("notCharged", {
                  reason: await reason(attempt?.failureCode ?? null, attempt?.failureReason ?? null),
                })}
          </p>
          <form action={payAgain}>
            <button type="submit" className="button button-primary">
              {t("payAnotherWay")}
            </button>
          </form>
          <p className="field-hint">{t("itemsBack")}</p>
        </section>
      )}

      {paidFamily ? (
        <>
          <Receipt view={view} />
          <p className="page-links">
            <Link href="/" className="button button-primary">
              {t("continueShopping")}
            </Link>{" "}
            <Link href="/orders" className="button button-quiet">
              {t("yourOrders")}
            </Link>
          </p>
        </>
      ) : (
        <OrderItems view={view} />
      )}
    </main>
  );
}
