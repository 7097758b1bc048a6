import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/link";
import { keepUnits } from "@/lib/catalog/keep-units";
import { readCart } from "@/lib/cart/current-cart";
import { guessDevice } from "@/lib/web/device";
import { getConfig } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { FreshOnReturn } from "@/app/_components/fresh-on-return";
import { PendingOrderOffer } from "@/app/_components/pending-order-offer";
import { shopperProblemText } from "@/app/_components/shopper-problem-text";
import { productTexts } from "@/app/_components/product-text";
import { productBySku } from "@/lib/catalog/products";
import type { Device, Wallet } from "@/lib/qfpay/pay-types";
import { CheckoutForm, type WalletOption } from "./checkout-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkout"))("title") };
}

/** What came of Alipay's authorisation, as its return route sends the shopper back here, and its words. */
const ALIPAY_RETURNS = {
  linked: "linked",
  declined: "declined",
  failed: "failed",
  "open-id-only": "openIdOnly",
  unpaid: "unpaid",
} as const;

export default async function CheckoutPage({
  searchParams,
}: {
  searchParams: Promise<{ alipay?: string | string[] }>;
}) {
  const t = await getTranslations("checkout");
  const ta = await getTranslations("alipayApp");
  const { alipay: returned } = await searchParams;
  const alipayReturn =
    typeof returned === "string" && Object.hasOwn(ALIPAY_RETURNS, returned)
      ? ALIPAY_RETURNS[returned as keyof typeof ALIPAY_RETURNS]
      : undefined;
  const tw = await getTranslations("wallets");
  const locale = await getLocale();
  const textOf = await productTexts();
  const { priced, session } = await readCart();
  const { qfpay, storeCurrency, alipay } = getConfig();
  if (!priced?.ok) {
    return (
      <main className="page narrow" id="main">
        <h1>{t("title")}</h1>
        <FreshOnReturn />
        <PendingOrderOffer />
        <p>
          {priced ? `${await shopperProblemText(priced.problem)} ` : null}
          {t.rich(priced ? "browse" : "emptyBrowse", { browse: (chunks) => <Link href="/">{chunks}</Link> })}
        </p>
      </main>
    );
  }
  const guess = guessDevice(await headers());
  const { gateway } = await getPaymentsContext();
  const refusalText = async (wallet: Wallet, device: Device) => {
    const refusal = gateway.walletRefusal(wallet, device, priced.total, storeCurrency);
    return refusal ? shopperProblemText(refusal) : null;
  };
  const wallets: WalletOption[] = await Promise.all(
    qfpay.wallets.map(async (wallet) => ({
      wallet,
      label: t("payWith", { wallet: tw(wallet) }),
      refusal: { desktop: await refusalText(wallet, "desktop"), mobile: await refusalText(wallet, "mobile") },
    })),
  );
  return (
    <main className="page narrow" id="main">
      <h1>{t("title")}</h1>
      <FreshOnReturn />
      <PendingOrderOffer />
      <section aria-labelledby="summary-title" className="summary">
        <h2 id="summary-title">{t("yourOrder")}</h2>
        <ul className="summary-lines">
          {priced.items.map((item) => {
            const product = productBySku(item.sku);
            return (
              <li key={item.sku}>
                <span>
                  {item.quantity} × {keepUnits(product ? textOf(product).name : item.name)}
                </span>
                <span>{formatMoney(item.unitPrice * item.quantity, storeCurrency, locale)}</span>
              </li>
            );
          })}
        </ul>
        <p className="cart-total">
          {`${t("total")} `}
          <strong>{formatMoney(priced.total, storeCurrency, locale)}</strong>
        </p>
      </section>
      {guess.inApp && <p className="notice">{t("inAppNotice", { app: guess.inApp })}</p>}
      {alipayReturn ? (
        <p className="notice" role="note">
          {alipayReturn === "unpaid"
            ? session.alipayProblem
              ? ta("unpaid", { reason: await shopperProblemText(session.alipayProblem) })
              : ta("linked")
            : ta(alipayReturn)}
        </p>
      ) : (
        guess.alipayApp &&
        alipay &&
        qfpay.wallets.includes("alipay") &&
        !session.alipayFallback && <p className="field-hint">{ta("inAlipay")}</p>
      )}
      <CheckoutForm wallets={wallets} guessedDevice={guess.kind} initialEmail={session.checkoutEmail ?? ""} />
    </main>
  );
}
