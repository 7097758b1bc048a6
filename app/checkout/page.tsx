import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { keepUnits } from "@/lib/catalog/keep-units";
import { readCart } from "@/lib/cart/current-cart";
import { guessDevice } from "@/lib/web/device";
import { getConfig } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { WALLET_NAMES } from "@/lib/qfpay/pay-types";
import { getPaymentsContext } from "@/lib/gateways/payments-context";
import { FreshOnReturn } from "@/app/_components/fresh-on-return";
import { PendingOrderOffer } from "@/app/_components/pending-order-offer";
import { CheckoutForm, type WalletOption } from "./checkout-form";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const { priced } = await readCart();
  const { qfpay, storeCurrency } = getConfig();
  if (!priced?.ok) {
    return (
      <main className="page narrow" id="main">
        <h1>Checkout</h1>
        <FreshOnReturn />
        <PendingOrderOffer />
        <p>
          {priced ? priced.error : "Your cart is empty."} <Link href="/">Browse the shop</Link>.
        </p>
      </main>
    );
  }
  const guess = guessDevice(await headers());
  const { gateway } = await getPaymentsContext();
  const wallets: WalletOption[] = qfpay.wallets.map((wallet) => ({
    wallet,
    label: WALLET_NAMES[wallet],
    refusal: {
      desktop: gateway.walletRefusal(wallet, "desktop", priced.total, storeCurrency),
      mobile: gateway.walletRefusal(wallet, "mobile", priced.total, storeCurrency),
    },
  }));
  return (
    <main className="page narrow" id="main">
      <h1>Checkout</h1>
      <FreshOnReturn />
      <PendingOrderOffer />
      <section aria-labelledby="summary-title" className="summary">
        <h2 id="summary-title">Your order</h2>
        <ul className="summary-lines">
          {priced.items.map((item) => (
            <li key={item.sku}>
              <span>
                {item.quantity} × {keepUnits(item.name)}
              </span>
              <span>{formatMoney(item.unitPrice * item.quantity, storeCurrency)}</span>
            </li>
          ))}
        </ul>
        <p className="cart-total">
          Total <strong>{formatMoney(priced.total, storeCurrency)}</strong>
        </p>
      </section>
      {guess.inApp && (
        <p className="notice">
          You are in {guess.inApp}&apos;s browser, which cannot open the wallet app. After you choose a wallet we will
          show a QR code and a link to open in Safari or Chrome.
        </p>
      )}
      <CheckoutForm wallets={wallets} guessedDevice={guess.kind} />
    </main>
  );
}
