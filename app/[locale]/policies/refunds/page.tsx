import type { Metadata } from "next";
import { SHOP } from "@/lib/shop-details";
import { PolicyContact } from "../policy-contact";

export const metadata: Metadata = {
  title: "Refunds and returns",
  description: `How to return goods to ${SHOP.name} and how refunds reach your AlipayHK or Alipay wallet.`,
};

// A starter policy, written for the merchant to adapt to the shop's own practice (README, "Make it your shop").
export default function RefundPolicyPage() {
  return (
    <main className="page narrow policy" id="main">
      <h1>Refunds and returns</h1>
      <p>
        We want you to enjoy everything you buy from {SHOP.name}. If something is not right, tell us and we will put it
        right.
      </p>

      <h2>Returns</h2>
      <ul>
        <li>
          Unopened tea and unused teaware can be returned within {SHOP.returnDays} days of delivery or collection for a
          full refund of the goods.
        </li>
        <li>
          For food safety we cannot take back tea once its seal is opened, unless it is faulty or not what you ordered.
        </li>
        <li>
          Handmade teaware varies a little from piece to piece in colour and glaze; that is its nature, not a fault.
        </li>
      </ul>

      <h2>Damaged, faulty or wrong items</h2>
      <p>
        If an item arrives broken, faulty or is not what you ordered, email us within {SHOP.returnDays} days with your
        order number and a photo. We will refund it in full, including any delivery charge, or send a replacement if you
        prefer. You do not need to send broken teaware back.
      </p>

      <h2>How refunds are paid</h2>
      <p>
        Payments in this shop are processed by QFPay through AlipayHK or Alipay, and a refund always goes back to the
        wallet you paid with: we cannot refund in cash, by bank transfer or to another account. We issue the refund
        within 3 business days of agreeing it; Alipay then usually shows it in your wallet within 1 to 7 days. We can
        refund part of an order, for example a single item.
      </p>

      <h2>Cancelling an order</h2>
      <p>
        An order that has not been paid needs no cancelling: it lapses when its payment expires. To cancel a paid order
        before it is sent or collected, contact us and we will refund it in full.
      </p>

      <h2>Contact</h2>
      <PolicyContact />
      <p>This policy does not affect your rights under the laws of Hong Kong.</p>
    </main>
  );
}
