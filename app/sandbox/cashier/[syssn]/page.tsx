import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Countdown } from "@/app/_components/countdown";
import { formatMoney } from "@/lib/money";
import { isCurrencyCode } from "@/lib/qfpay/currencies";
import { deliverDueSandboxNotifications, getSandboxGateway } from "@/lib/sandbox/instance";
import { sandboxLocale } from "../../sandbox-locale";
import { declineCashierAction, expireCashierAction, payCashierAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  await sandboxLocale();
  return { title: (await getTranslations("cashier"))("title"), robots: { index: false } };
}

/** A stand-in for the Alipay / AlipayHK cashier that `pay_url` opens: a person or a test pays here. */
export default async function SandboxCashierPage({ params }: { params: Promise<{ syssn: string }> }) {
  const { syssn } = await params;
  const locale = await sandboxLocale();
  const t = await getTranslations("cashier");
  const tw = await getTranslations("wallets");
  const gateway = await getSandboxGateway();
  if (!gateway || !/^\d{26}$/.test(syssn)) notFound();
  const view = await gateway.cashierView(syssn);
  if (!view) notFound();
  await deliverDueSandboxNotifications();
  // The wallet's name as the shopper's language says it (支付寶 / 支付宝 for Alipay).
  const wallet = tw(view.wallet === "AlipayHK" ? "alipayhk" : "alipay");
  const amount = isCurrencyCode(view.currency)
    ? formatMoney(view.amount, view.currency, locale)
    : `${view.amount} ${view.currency}`;

  return (
    <main className="cashier" id="main">
      <section className="cashier-card" aria-labelledby="cashier-title">
        <p className={`cashier-wallet cashier-wallet-${view.wallet === "AlipayHK" ? "hk" : "cn"}`}>{wallet}</p>
        <h1 id="cashier-title">{t("pay", { merchant: view.merchant })}</h1>
        <p className="cashier-amount">{amount}</p>
        <dl className="cashier-details">
          <dt>{t("merchant")}</dt>
          <dd>{view.merchant}</dd>
          <dt>{t("wallet")}</dt>
          <dd>{wallet}</dd>
          <dt>{t("orderNumber")}</dt>
          <dd className="mono">{view.outTradeNo}</dd>
          <dt>{t("qfpayNumber")}</dt>
          <dd className="mono">{view.syssn}</dd>
        </dl>
        {view.state === "open" ? (
          <>
            {view.expiresAt && (
              <p className="cashier-expiry">
                {t.rich("expiresIn", { countdown: () => <Countdown expiresAt={view.expiresAt!.toISOString()} /> })}
              </p>
            )}
            <div className="cashier-actions">
              <form action={payCashierAction.bind(null, view.syssn)}>
                <button type="submit" className="button button-primary">
                  {t("payButton")}
                </button>
              </form>
              <form action={declineCashierAction.bind(null, view.syssn)}>
                <button type="submit" className="button">
                  {t("decline")}
                </button>
              </form>
              <form action={expireCashierAction.bind(null, view.syssn)}>
                <button type="submit" className="button button-quiet">
                  {t("letExpire")}
                </button>
              </form>
            </div>
          </>
        ) : (
          <>
            <p role="status" className="cashier-result">
              {t(`states.${view.state}`)}
            </p>
            {/* As Alipay's cashier does after every outcome, paid or not: back to the merchant's return_url. */}
            {view.returnUrl && (
              <p className="cashier-return">
                <a href={view.returnUrl} className="button button-primary">
                  {t("returnToMerchant")}
                </a>
              </p>
            )}
          </>
        )}
        <p className="cashier-note">{t("note", { wallet })}</p>
      </section>
    </main>
  );
}
