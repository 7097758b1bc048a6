import Link from "next/link";
import { RetryOptions } from "@/app/[locale]/orders/[id]/retry-options";
import type { Device, Wallet } from "@/lib/qfpay/pay-types";

/**
 * An order awaiting payment, taken up again: "Resume payment" reopens its payment (the same one while
 * it can be paid, another try of the same wallet once it cannot), "Pay another way" opens the order with
 * its other wallets and devices.
 */
export function ResumeChoices({ orderId, wallet, device }: { orderId: string; wallet: Wallet; device: Device }) {
  return (
    <div className="resume-choices">
      <RetryOptions orderId={orderId} choices={[{ wallet, device, label: "Resume payment", primary: true }]} />
      <Link href={`/orders/${orderId}?pay=another`} className="button">
        Pay another way
      </Link>
    </div>
  );
}
