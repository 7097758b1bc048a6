import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { ResumeChoices } from "@/app/_components/resume-choices";
import { StatusBadge } from "@/app/_components/status-badge";
import { getDb } from "@/lib/db/database";
import { getConfig } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { ORDER_STATUS_TEXT } from "@/lib/payments/state-machine";
import { statusToneOf } from "@/lib/payments/order-status";
import { ordersOfOwner } from "@/lib/payments/store/shopper-orders";
import { isCurrencyCode } from "@/lib/qfpay/currencies";
import { guessDevice } from "@/lib/web/device";
import { getShopSession } from "@/lib/web/session";

export const metadata: Metadata = { title: "Your orders", robots: { index: false } };

const DATE = new Intl.DateTimeFormat("en-HK", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Hong_Kong" });

/** The orders this browser placed (its session owns them), newest first; pending ones can be taken up again. */
export default async function OrdersPage() {
  const session = await getShopSession();
  const orders = session.sid ? await ordersOfOwner(await getDb(), session.sid) : [];
  const device = guessDevice(await headers()).kind;
  const defaultWallet = getConfig().qfpay.wallets[0]!;
  return (
    <main className="page narrow" id="main">
      <h1>Your orders</h1>
      {orders.length === 0 ? (
        <p>
          No orders from this browser yet. An order paid in another browser opens from the link in its receipt email.{" "}
          <Link href="/">Browse the shop</Link>.
        </p>
      ) : (
        <ul className="order-list">
          {orders.map((order) => {
            // "Payment failed" for a declined try of an order that can still be paid, as its page says.
            const failedTry = order.state === "awaiting_payment" && order.attemptState === "failed";
            const text = failedTry ? ORDER_STATUS_TEXT.failed : ORDER_STATUS_TEXT[order.state];
            return (
              <li key={order.id} className="order-card">
                <div className="order-card-head">
                  <Link href={`/orders/${order.id}`} className="order-number">
                    {order.number}
                  </Link>
                  <StatusBadge tone={statusToneOf(order.state, order.attemptState)} text={text} />
                </div>
                <p className="order-card-lines">{order.lines.join(", ")}</p>
                <p className="order-card-facts">
                  <time dateTime={order.createdAt.toISOString()}>{DATE.format(order.createdAt)}</time>
                  {" · "}
                  <strong>
                    {isCurrencyCode(order.currency) ? formatMoney(order.total, order.currency) : order.currency}
                  </strong>
                </p>
                {order.state === "awaiting_payment" && (
                  <ResumeChoices orderId={order.id} wallet={order.wallet ?? defaultWallet} device={device} />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
