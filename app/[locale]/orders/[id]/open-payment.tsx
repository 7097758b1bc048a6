import { getLocale, getTranslations } from "next-intl/server";
import { Countdown } from "@/app/_components/countdown";
import { CopyLink } from "@/app/_components/copy-link";
import { PaymentQrCode } from "@/app/_components/payment-qr-code";
import { formatMoney } from "@/lib/money";
import type { OrderView } from "@/lib/payments/order-status";
import { flowOfMethod } from "@/lib/gateways/method-flow";
import type { CurrencyCode } from "@/lib/qfpay/currencies";
import type { RetryChoice } from "./retry-choices";
import { RetryOptions } from "./retry-options";

interface Props {
  view: OrderView;
  token?: string;
  /** The order's own link with its signed token, for opening in another browser. */
  shareUrl: string;
  inApp: string | null;
  otherWallets: RetryChoice[];
  /** Open "Pay another way" from the start (the shopper asked for it). */
  otherWaysOpen?: boolean;
  /** Whether the wallet's page sends the shopper back here; if not, a phone opens it beside this page. */
  returnsShopper: boolean;
}

/** An attempt the shopper can pay now: the QR code on a computer, the wallet button on a phone. */
export async function OpenPayment({
  view,
  token,
  shareUrl,
  inApp,
  otherWallets,
  otherWaysOpen = false,
  returnsShopper,
}: Props) {
  const t = await getTranslations("pay");
  const tc = await getTranslations("checkout.devices");
  const attempt = view.attempt!;
  const payUrl = attempt.payUrl!;
  const wallet = (await getTranslations("wallets"))(attempt.wallet);
  const amount = formatMoney(attempt.amount, attempt.currency as CurrencyCode, await getLocale());
  const flow = flowOfMethod(attempt.payType);
  const switchDevice: RetryChoice =
    flow === "web"
      ? { wallet: attempt.wallet, device: "mobile", label: tc("mobile.label") }
      : { wallet: attempt.wallet, device: "desktop", label: tc("desktop.label") };
  const showQr = flow === "web" || inApp !== null;
  const beside = showQr || !returnsShopper;

  return (
    <section aria-labelledby="pay-title" className="open-payment">
      <h2 id="pay-title">
        {t.rich("title", { amount, wallet, money: (chunks) => <span className="money">{chunks}</span> })}
      </h2>
      {inApp && (
        <div className="notice" role="note">
          <p>{t.rich("inApp", { strong: (chunks) => <strong>{chunks}</strong>, app: inApp, wallet })}</p>
          <CopyLink url={shareUrl} label={t("orderLink")} copyText={t("copyLink")} copiedText={t("linkCopied")} />
        </div>
      )}
      {showQr ? (
        <div className="qr-layout">
          <PaymentQrCode url={payUrl} label={t("qrLabel", { amount, wallet })} />
          <ol className="qr-steps">
            <li>{t("step1", { wallet })}</li>
            <li>{t("step2")}</li>
            <li>{t("step3")}</li>
          </ol>
        </div>
      ) : (
        <p>{t("continueInApp", { wallet })}</p>
      )}
      <p className="pay-actions">
        <a
          href={payUrl}
          className={`button ${showQr ? "" : "button-primary"}`}
          target={beside ? "_blank" : undefined}
          rel="noopener noreferrer"
        >
          {t("openPaymentPage")}
        </a>
      </p>
      <p className="expiry">
        {t.rich("expiresIn", { countdown: () => <Countdown expiresAt={attempt.expiresAt.toISOString()} /> })}
      </p>
      <details className="other-ways" id="pay-another-way" open={otherWaysOpen}>
        <summary>{t("anotherWay")}</summary>
        <RetryOptions orderId={view.order.id} token={token} choices={[switchDevice, ...otherWallets]} />
      </details>
    </section>
  );
}
