import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/link";
import { formatDateTime } from "@/lib/date-time";
import { itemNames } from "@/app/_components/product-text";
import { statusKeyOf } from "@/lib/payments/status-key";
import { ResumeChoices } from "@/app/_components/resume-choices";
import { StatusBadge } from "@/app/_components/status-badge";
import { getDb } from "@/lib/db/database";
import { getConfig } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { statusToneOf } from "@/lib/payments/order-status";
import { ordersOfOwner } from "@/lib/payments/store/shopper-orders";
import { isCurrencyCode } from "@/lib/qfpay/currencies";
import { guessDevice } from "@/lib/web/device";
import { getShopSession } from "@/lib/web/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders"))("title"), robots: { index: false } };
}

/** The orders this browser placed (its session owns them), newest first; pending ones can be taken up again. */
export default async function OrdersPage() {
  const session = await getShopSession();
  const orders = session.sid ? await ordersOfOwner(await getDb(), session.sid) : [];
  const device = guessDevice(await headers()).kind;
  const defaultWallet = getConfig().qfpay.wallets[0]!;
  const t = await getTranslations("orders");
  const ts = await getTranslations("orderStatus");
  const locale = await getLocale();
  const nameOf = await itemNames();
  return (
    <main className="page narrow" id="main">
      <h1>{t("title")}</h1>
      {orders.length === 0 ? (
        <p>{t.rich("none", { browse: (chunks) => <Link href="/">{chunks}</Link> })}</p>
      ) : (
        <ul className="order-list">
          {orders.map((order) => {
            // "Payment failed" for a declined try of an order that can still be paid, as its page says.
            const text = ts(statusKeyOf(order.state, order.attemptState));
            return (
              <li key={order.id} className="order-card">
                <div className="order-card-head">
                  <Link href={`/orders/${order.id}`} className="order-number">
                    {order.number}
                  </Link>
                  <StatusBadge tone={statusToneOf(order.state, order.attemptState)} text={text} />
                </div>
                <p className="order-card-lines">
                  {order.items.map((item) => `${item.quantity} × ${nameOf(item)}`).join(t("listSeparator"))}
                </p>
                <p className="order-card-facts">
                  <time dateTime={order.createdAt.toISOString()}>{formatDateTime(order.createdAt, locale)}</time>
                  {" · "}
                  <strong>
                    {isCurrencyCode(order.currency) ? formatMoney(order.total, order.currency, locale) : order.currency}
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
