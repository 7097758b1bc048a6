import type { Metadata } from "next";
import Link from "next/link";
import { SHOP } from "@/lib/shop-details";
import { PolicyContact } from "../policy-contact";

export const metadata: Metadata = {
  title: "Terms of sale",
  description: `The terms on which ${SHOP.name} sells its goods.`,
};

// Starter terms, written for the merchant to adapt (and to have checked) before trading (README, "Make it your shop").
export default function TermsPage() {
  return (
    <main className="page narrow policy" id="main">
      <h1>Terms of sale</h1>
      <p>
        These terms apply to every order placed in this online shop, which is run by {SHOP.legalName} (Business
        Registration No. {SHOP.businessRegistration}), {SHOP.address.join(", ")}.
      </p>

      <h2>Prices</h2>
      <p>
        Prices are shown in the shop&apos;s currency and include all charges. The price you pay is the one shown at
        checkout; if we make an obvious pricing mistake we will tell you and you may cancel for a full refund.
      </p>

      <h2>Your order and payment</h2>
      <p>
        Payments are processed by QFPay, a payment processor, through AlipayHK or Alipay; your wallet&apos;s own terms
        also apply to the payment. We never see or store your wallet account, card or password. Your order is accepted
        once the payment is confirmed to us, and the order page then shows it as paid. An order that is not paid before
        its payment expires is not accepted and nothing is charged.
      </p>

      <h2>Stock</h2>
      <p>
        Items are held for your order while its payment can still be made. If we cannot supply an item after you have
        paid, we will tell you and refund it in full.
      </p>

      <h2>Delivery and collection</h2>
      <p>
        We will contact you by email to arrange delivery within Hong Kong or collection from the shop. Goods are your
        responsibility once delivered or collected.
      </p>

      <h2>Returns and refunds</h2>
      <p>
        See our <Link href="/policies/refunds">refund and returns policy</Link>.
      </p>

      <h2>Your information</h2>
      <p>
        See our <Link href="/policies/privacy">privacy policy</Link>.
      </p>

      <h2>Law</h2>
      <p>These terms are governed by the laws of the Hong Kong Special Administrative Region.</p>

      <h2>Contact</h2>
      <PolicyContact />
    </main>
  );
}
