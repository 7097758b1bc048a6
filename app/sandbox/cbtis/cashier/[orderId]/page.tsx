import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";
import { readHkdAmount } from "@/lib/sandbox/cbtis/amount-rules";
import { getCbtisSandbox } from "@/lib/sandbox/cbtis/instance";
import { sandboxLocale } from "../../../sandbox-locale";
import { cancelCbtisCashierAction, payCbtisCashierAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  await sandboxLocale();
  return { title: (await getTranslations("cbtisCashier"))("title"), robots: { index: false } };
}

/**
 * A stand-in for the Alipay / AlipayHK page behind CBTIS's next_action.url: a person or a test pays here,
 * in the language the shopper's browser or choice asks for, as the wallet's own page would.
 */
export default async function CbtisCashierPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const locale = await sandboxLocale();
  const t = await getTranslations("cbtisCashier");
  const tc = await getTranslations("cashier");
  const tw = await getTranslations("wallets");
  const sandbox = await getCbtisSandbox();
  if (!sandbox || !/^C\d{21}$/.test(orderId)) notFound();
  const intent = await sandbox.cashierView(orderId);
  if (!intent) notFound();
  const wallet = tw(intent.wallet === "ALIPAYHK" ? "alipayhk" : "alipay");
  // CBTIS's amount is HKD in dollars ("128.00"); shown as money in the shopper's language.
  const minor = readHkdAmount(intent.amount);
  const amount = minor === null ? `HK$${intent.amount}` : formatMoney(minor, "HKD", locale);
  const states = { SUCCEEDED: t("states.SUCCEEDED"), CANCELLED: t("states.CANCELLED") };

  return (
    <main className="cashier" id="main">
      <section className="cashier-card" aria-labelledby="cashier-title">
        <p className={`cashier-wallet cashier-wallet-${intent.wallet === "ALIPAYHK" ? "hk" : "cn"}`}>{wallet}</p>
        <h1 id="cashier-title">{t("heading")}</h1>
        <p className="cashier-amount">{amount}</p>
        <dl className="cashier-details">
          <dt>{tc("wallet")}</dt>
          <dd>{wallet}</dd>
          <dt>{t("description")}</dt>
          <dd>{intent.description}</dd>
          <dt>{t("merchantOrderId")}</dt>
          <dd className="mono">{intent.merchantOrderId}</dd>
          <dt>{t("cbtisOrderId")}</dt>
          <dd className="mono">{intent.orderId}</dd>
        </dl>
        {intent.status === "PENDING" ? (
          <div className="cashier-actions">
            <form action={payCbtisCashierAction.bind(null, intent.orderId)}>
              <button type="submit" className="button button-primary">
                {tc("payButton")}
              </button>
            </form>
            <form action={cancelCbtisCashierAction.bind(null, intent.orderId)}>
              <button type="submit" className="button">
                {t("cancel")}
              </button>
            </form>
          </div>
        ) : (
          <p role="status" className="cashier-result">
            {states[intent.status]}
          </p>
        )}
        <p className="cashier-note">{t("note", { wallet })}</p>
      </section>
    </main>
  );
}
