import { getLocale, getTranslations } from "next-intl/server";
import { Countdown } from "@/app/_components/countdown";
import { formatMoney } from "@/lib/money";
import type { OrderView } from "@/lib/payments/order-status";
import type { CurrencyCode } from "@/lib/qfpay/currencies";
import { SandboxAlipayBridge } from "@/app/sandbox/alipay/sandbox-alipay-bridge";
import { AlipayAppMessages } from "./alipay-app-messages";
import { AlipayTradePay } from "./alipay-trade-pay";
import type { RetryChoice } from "./retry-choices";
import { RetryOptions } from "./retry-options";

interface Props {
  view: OrderView;
  token?: string;
  /** Whether this page is open in the Alipay app's own browser, where its cashier can be opened. */
  alipayApp: boolean;
  /** Sandbox mode: the page brings a stand-in for the Alipay app's bridge (Alipay's user agent only). */
  sandbox: boolean;
  provider: string;
  otherWays: RetryChoice[];
  otherWaysOpen?: boolean;
}

/** An attempt paid in the Alipay app's own cashier (800107): opened by itself there, explained anywhere else. */
export async function InAppPayment({
  view,
  token,
  alipayApp,
  sandbox,
  provider,
  otherWays,
  otherWaysOpen = false,
}: Props) {
  const t = await getTranslations("pay");
  const ta = await getTranslations("alipayApp");
  const attempt = view.attempt!;
  const wallet = (await getTranslations("wallets"))(attempt.wallet);
  const amount = formatMoney(attempt.amount, attempt.currency as CurrencyCode, await getLocale());
  return (
    <section aria-labelledby="pay-title" className="open-payment">
      <h2 id="pay-title">
        {t.rich("title", { amount, wallet, money: (chunks) => <span className="money">{chunks}</span> })}
      </h2>
      {alipayApp ? (
        <AlipayAppMessages sandbox={sandbox}>
          {sandbox && <SandboxAlipayBridge />}
          <AlipayTradePay tradeNo={attempt.tradeNo!} provider={provider} />
        </AlipayAppMessages>
      ) : (
        <p className="notice" role="note">
          {ta("outsideApp")}
        </p>
      )}
      <p className="expiry">
        {t.rich("expiresIn", { countdown: () => <Countdown expiresAt={attempt.expiresAt.toISOString()} /> })}
      </p>
      <details className="other-ways" id="pay-another-way" open={otherWaysOpen || !alipayApp}>
        <summary>{t("anotherWay")}</summary>
        <RetryOptions orderId={view.order.id} token={token} choices={otherWays} />
      </details>
    </section>
  );
}
