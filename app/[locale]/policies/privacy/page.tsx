import type { Metadata } from "next";
import { SHOP } from "@/lib/shop-details";
import { PolicyContact } from "../policy-contact";

export const metadata: Metadata = {
  title: "Privacy",
  description: `What personal data ${SHOP.name} collects, why, and who it is shared with.`,
};

// A starter privacy statement that describes what this code base does; keep it true as the shop changes.
export default function PrivacyPage() {
  return (
    <main className="page narrow policy" id="main">
      <h1>Privacy</h1>
      <p>
        {SHOP.legalName} handles your personal data in line with the Personal Data (Privacy) Ordinance (Cap. 486) of
        Hong Kong. This statement says what we collect, why, and who sees it.
      </p>

      <h2>What we collect</h2>
      <ul>
        <li>
          <strong>Your email address</strong>, which you give at checkout: to send your receipt and any refund
          confirmation, and to reach you about your order.
        </li>
        <li>
          <strong>Your order</strong>: what you bought, the amount, the wallet you chose and the payment&apos;s
          reference from QFPay, kept as our business records.
        </li>
        <li>
          <strong>Your network address</strong>, briefly, to limit repeated requests and protect the shop from abuse.
        </li>
      </ul>

      <h2>Payments</h2>
      <p>
        Payments are processed by QFPay through AlipayHK or Alipay. We send QFPay the amount and our order reference;
        you pay in your wallet, under its own privacy terms. We never receive your wallet account, card details or
        password.
      </p>

      <h2>Cookies</h2>
      <p>
        We use one essential cookie, which keeps your cart and lets this browser reopen your orders. It is encrypted,
        and it is not used for advertising or tracking. We use no analytics or advertising cookies.
      </p>

      <h2>Who we share it with</h2>
      <p>
        Only those who help us run the shop: QFPay for payments, and our hosting and email providers, each for that
        purpose alone. We do not sell your personal data or use it for marketing without your consent.
      </p>

      <h2>How long we keep it</h2>
      <p>
        Order records are kept for seven years, as Hong Kong&apos;s business record rules require; nothing else is kept
        longer than it is needed.
      </p>

      <h2>Your rights</h2>
      <p>
        You may ask for a copy of the personal data we hold about you and ask us to correct it. Write to us at{" "}
        <a href={`mailto:${SHOP.email}`}>{SHOP.email}</a>.
      </p>

      <h2>Contact</h2>
      <PolicyContact />
    </main>
  );
}
