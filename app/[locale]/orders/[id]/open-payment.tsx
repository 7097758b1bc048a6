import { Countdown } from "@/app/_components/countdown";
import { CopyLink } from "@/app/_components/copy-link";
import { PaymentQrCode } from "@/app/_components/payment-qr-code";
import { formatMoney } from "@/lib/money";
import type { OrderView } from "@/lib/payments/order-status";
import { WALLET_NAMES } from "@/lib/qfpay/pay-types";
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
}

/** An attempt the shopper can pay now: the QR code on a computer, the wallet button on a phone. */
export function OpenPayment({ view, token, shareUrl, inApp, otherWallets, otherWaysOpen = false }: Props) {
  const attempt = view.attempt!;
  const payUrl = attempt.payUrl!;
  const wallet = WALLET_NAMES[attempt.wallet];
  const amount = formatMoney(attempt.amount, attempt.currency as CurrencyCode);
  const flow = flowOfMethod(attempt.payType);
  const switchDevice: RetryChoice =
    flow === "web"
      ? { wallet: attempt.wallet, device: "mobile", label: "Pay on my phone" }
      : { wallet: attempt.wallet, device: "desktop", label: "Pay on this computer" };
  const showQr = flow === "web" || inApp !== null;

  return (
    <section aria-labelledby="pay-title" className="open-payment">
      <h2 id="pay-title">
        Pay {amount} with {wallet}
      </h2>
      {inApp && (
        <div className="notice" role="note">
          <p>
            <strong>Open this page in your browser.</strong> {inApp}&apos;s built-in browser cannot open the {wallet}{" "}
            app. Tap the menu (⋯) and choose &ldquo;Open in browser&rdquo;, or copy the link below into Safari or
            Chrome. You can also scan the QR code with {wallet} on another phone.
          </p>
          <CopyLink url={shareUrl} label="Link to this order" />
        </div>
      )}
      {showQr ? (
        <div className="qr-layout">
          <PaymentQrCode url={payUrl} label={`QR code to pay ${amount} with ${wallet}`} />
          <ol className="qr-steps">
            <li>Open the {wallet} app on your phone.</li>
            <li>Tap Scan and point it at the QR code.</li>
            <li>Confirm the payment. This page updates by itself.</li>
          </ol>
        </div>
      ) : (
        <p>
          Continue in the {wallet} app to confirm the payment. Come back here afterwards: this page updates by itself.
        </p>
      )}
      <p className="pay-actions">
        <a
          href={payUrl}
          className={`button ${showQr ? "" : "button-primary"}`}
          target={showQr ? "_blank" : undefined}
          rel="noopener noreferrer"
        >
          Open payment page
        </a>
      </p>
      <p className="expiry">
        Expires in <Countdown expiresAt={attempt.expiresAt.toISOString()} />
      </p>
      <details className="other-ways" id="pay-another-way" open={otherWaysOpen}>
        <summary>Pay another way</summary>
        <RetryOptions orderId={view.order.id} token={token} choices={[switchDevice, ...otherWallets]} />
      </details>
    </section>
  );
}
