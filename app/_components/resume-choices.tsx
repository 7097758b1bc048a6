import { useTranslations } from "next-intl";
import { Link } from "@/i18n/link";
import { RetryOptions } from "@/app/[locale]/orders/[id]/retry-options";
import type { Device, Wallet } from "@/lib/qfpay/pay-types";

/**
 * An order awaiting payment, taken up again: "Resume payment" reopens its payment (the same one while
 * it can be paid, another try of the same wallet once it cannot), "Pay another way" opens the order with
 * its other wallets and devices.
 */
export function ResumeChoices({ orderId, wallet, device }: { orderId: string; wallet: Wallet; device: Device }) {
  const t = useTranslations("order");
  return (
    <div className="resume-choices">
      <RetryOptions orderId={orderId} choices={[{ wallet, device, label: t("resume"), primary: true }]} />
      <Link href={`/orders/${orderId}?pay=another`} className="button">
        {t("payAnotherWay")}
      </Link>
    </div>
  );
}
