import { getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";
import { isCurrencyCode } from "@/lib/qfpay/currencies";
import type { RefundProblem } from "@/lib/payments/refund-problem";

/**
 * A refund the shop would not make (lib/payments/refund-problem.ts) as the admin reads it, in the admin
 * page's language, amounts in its money format. The one place its words are made; a gateway's own reason
 * is free text it stored, shown as it is after a lead-in in the admin's language.
 */
export async function refundProblemText(problem: RefundProblem): Promise<string> {
  const t = await getTranslations("admin.refundProblems");
  switch (problem.code) {
    case "enterAmount":
    case "refundedHere":
    case "orderMissing":
    case "reload":
    case "notPaid":
    case "choosePayment":
    case "paymentOfOrder":
    case "refundedInFull":
      return t(problem.code);
    case "refundsInPortal":
      return t("refundsInPortal", { provider: problem.provider });
    case "refundPause":
      return t("refundPause", { provider: problem.provider, from: problem.from, until: problem.until });
    case "gatewayRefused":
      return problem.reason
        ? t("gatewayRefusedBecause", { provider: problem.provider, reason: problem.reason })
        : t("gatewayRefused", { provider: problem.provider });
    case "atMost": {
      const { max, currency } = problem;
      const amount = isCurrencyCode(currency) ? formatMoney(max, currency, await getLocale()) : `${max} ${currency}`;
      return t("atMost", { amount });
    }
    case "noPartialRefunds":
      return problem.of === "currency" ? t("noPartialRefundsCurrency") : t("noPartialRefundsPayment");
  }
}
