import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Countdown } from "@/app/_components/countdown";
import { formatMoney } from "@/lib/money";
import { isCurrencyCode } from "@/lib/qfpay/currencies";
import { deliverDueSandboxNotifications, getSandboxGateway } from "@/lib/sandbox/instance";
import { declineCashierAction, expireCashierAction, payCashierAction } from "./actions";

export const metadata: Metadata = { title: "Sandbox cashier", robots: { index: false } };

const STATE_TEXT = {
  paid: "This payment is complete.",
  declined: "You declined this payment.",
  expired: "This payment has expired.",
  closed: "This payment is closed.",
} as const;

/** A stand-in for the Alipay / AlipayHK cashier that `pay_url` opens: a person or a test pays here. */
export default async function SandboxCashierPage({ params }: { params: Promise<{ syssn: string }> }) {
  const { syssn } = await params;
  const gateway = await getSandboxGateway();
  if (!gateway || !/^\d{26}$/.test(syssn)) notFound();
  const view = await gateway.cashierView(syssn);
  if (!view) notFound();
  await deliverDueSandboxNotifications();
  const amount = isCurrencyCode(view.currency)
    ? formatMoney(view.amount, view.currency)
    : `${view.amount} ${view.currency}`;

  return (
    <main className="cashier" id="main">
      <section className="cashier-card" aria-labelledby="cashier-title">
        <p className={`cashier-wallet cashier-wallet-${view.wallet === "AlipayHK" ? "hk" : "cn"}`}>{view.wallet}</p>
        <h1 id="cashier-title">Pay {view.merchant}</h1>
        <p className="cashier-amount">{amount}</p>
        <dl className="cashier-details">
          <dt>Merchant</dt>
          <dd>{view.merchant}</dd>
          <dt>Wallet</dt>
          <dd>{view.wallet}</dd>
          <dt>Order number</dt>
          <dd className="mono">{view.outTradeNo}</dd>
          <dt>QFPay number</dt>
          <dd className="mono">{view.syssn}</dd>
        </dl>
        {view.state === "open" ? (
          <>
            {view.expiresAt && (
              <p className="cashier-expiry">
                Expires in <Countdown expiresAt={view.expiresAt.toISOString()} />
              </p>
            )}
            <div className="cashier-actions">
              <form action={payCashierAction.bind(null, view.syssn)}>
                <button type="submit" className="button button-primary">
                  Pay
                </button>
              </form>
              <form action={declineCashierAction.bind(null, view.syssn)}>
                <button type="submit" className="button">
                  Decline
                </button>
              </form>
              <form action={expireCashierAction.bind(null, view.syssn)}>
                <button type="submit" className="button button-quiet">
                  Let it expire
                </button>
              </form>
            </div>
          </>
        ) : (
          <>
            <p role="status" className="cashier-result">
              {STATE_TEXT[view.state]}
            </p>
            {/* As Alipay's cashier does after every outcome, paid or not: back to the merchant's return_url. */}
            {view.returnUrl && (
              <p className="cashier-return">
                <a href={view.returnUrl} className="button button-primary">
                  Return to the merchant
                </a>
              </p>
            )}
          </>
        )}
        <p className="cashier-note">Sandbox: no money moves. This page stands in for the {view.wallet} cashier.</p>
      </section>
    </main>
  );
}
