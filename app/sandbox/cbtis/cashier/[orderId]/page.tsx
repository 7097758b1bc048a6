import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCbtisSandbox } from "@/lib/sandbox/cbtis/instance";
import { cancelCbtisCashierAction, payCbtisCashierAction } from "./actions";

export const metadata: Metadata = { title: "Sandbox CBTIS cashier", robots: { index: false } };

const STATE_TEXT = {
  SUCCEEDED: "This payment is complete.",
  CANCELLED: "This payment was cancelled or timed out.",
} as const;

/** A stand-in for the Alipay / AlipayHK page behind CBTIS's next_action.url: a person or a test pays here. */
export default async function CbtisCashierPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const sandbox = await getCbtisSandbox();
  if (!sandbox || !/^C\d{21}$/.test(orderId)) notFound();
  const intent = await sandbox.cashierView(orderId);
  if (!intent) notFound();
  const wallet = intent.wallet === "ALIPAYHK" ? "AlipayHK" : "Alipay";

  return (
    <main className="cashier">
      <section className="cashier-card" aria-labelledby="cashier-title">
        <p className={`cashier-wallet cashier-wallet-${intent.wallet === "ALIPAYHK" ? "hk" : "cn"}`}>{wallet}</p>
        <h1 id="cashier-title">Pay through CBTIS</h1>
        <p className="cashier-amount">HK${intent.amount}</p>
        <dl className="cashier-details">
          <dt>Wallet</dt>
          <dd>{wallet}</dd>
          <dt>Description</dt>
          <dd>{intent.description}</dd>
          <dt>Merchant order id</dt>
          <dd className="mono">{intent.merchantOrderId}</dd>
          <dt>CBTIS order id</dt>
          <dd className="mono">{intent.orderId}</dd>
        </dl>
        {intent.status === "PENDING" ? (
          <div className="cashier-actions">
            <form action={payCbtisCashierAction.bind(null, intent.orderId)}>
              <button type="submit" className="button button-primary">
                Pay
              </button>
            </form>
            <form action={cancelCbtisCashierAction.bind(null, intent.orderId)}>
              <button type="submit" className="button">
                Cancel
              </button>
            </form>
          </div>
        ) : (
          <p role="status" className="cashier-result">
            {STATE_TEXT[intent.status]}
          </p>
        )}
        <p className="cashier-note">
          Sandbox: no money moves. This page stands in for the {wallet} cashier CBTIS opens.
        </p>
      </section>
    </main>
  );
}
