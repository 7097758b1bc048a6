import { getConfig } from "@/lib/env";
import { WALLET_NAMES } from "@/lib/qfpay/pay-types";

export default function HomePage() {
  const { qfpay, storeCurrency } = getConfig();
  const wallets = qfpay.wallets.map((wallet) => WALLET_NAMES[wallet]).join(" and ");
  return (
    <main className="page">
      <section className="hero">
        <h1>Harbour Tea &amp; Goods</h1>
        <p>Teas, teaware and small goods from Hong Kong, priced in {storeCurrency}.</p>
        <p>Pay with {wallets}: scan a QR code on your computer, or pay straight from your phone.</p>
      </section>
    </main>
  );
}
