import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/database";
import { getConfig } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { ordersOfOwner } from "@/lib/payments/store/shopper-orders";
import { isCurrencyCode } from "@/lib/qfpay/currencies";
import { guessDevice } from "@/lib/web/device";
import { getShopSession } from "@/lib/web/session";
import { startOverAction } from "@/app/[locale]/cart/actions";
import { itemNames } from "./product-text";
import { ResumeChoices } from "./resume-choices";

/**
 * On the cart and the checkout: this browser's order still awaiting payment (a shopper back from a
 * declined or abandoned payment), to resume, to pay another way, or to leave for a fresh start.
 */
export async function PendingOrderOffer() {
  const session = await getShopSession();
  if (!session.sid) return null;
  const pending = (await ordersOfOwner(await getDb(), session.sid, 10)).find(
    (order) => order.state === "awaiting_payment",
  );
  if (!pending) return null;
  const t = await getTranslations("pendingOffer");
  const nameOf = await itemNames();
  const lines = pending.items.map((item) => `${item.quantity} × ${nameOf(item)}`).join(t("listSeparator"));
  const total = isCurrencyCode(pending.currency) ? formatMoney(pending.total, pending.currency, await getLocale()) : "";
  const wallet = pending.wallet ?? getConfig().qfpay.wallets[0]!;
  return (
    <section className="pending-offer" aria-labelledby="pending-offer-title">
      <h2 id="pending-offer-title">
        {t.rich("title", { number: pending.number, nr: (chunks) => <span className="order-number">{chunks}</span> })}
      </h2>
      <p>
        {t("summary", { lines, total })} {pending.attemptState === "failed" ? t("lastTryFailed") : ""}
      </p>
      <ResumeChoices orderId={pending.id} wallet={wallet} device={guessDevice(await headers()).kind} />
      <form action={startOverAction} className="start-over">
        <button type="submit" className="button button-quiet">
          {t("startOver")}
        </button>
        <span className="field-hint">{t("startOverHint")}</span>
      </form>
    </section>
  );
}
