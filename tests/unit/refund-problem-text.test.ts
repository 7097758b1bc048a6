import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTranslator, type Locale } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import type { RefundProblem, RefundProblemCode } from "@/lib/payments/refund-problem";
import { refundProblemText } from "@/app/[locale]/admin/orders/[id]/refund-problem-text";

// The admin page's language, as next-intl's request config would give it.
const page = vi.hoisted(() => ({ locale: "en" as Locale }));
const messagesOf = (locale: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "../../messages", `${locale}.json`), "utf8"));
vi.mock("next-intl/server", () => ({
  getLocale: async () => page.locale,
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: page.locale, messages: messagesOf(page.locale), namespace: namespace as never }),
}));

// One problem of every code: the record makes the compiler name a code added to the union and missed here.
const EVERY: Record<RefundProblemCode, RefundProblem> = {
  enterAmount: { code: "enterAmount" },
  refundedHere: { code: "refundedHere" },
  refundsInPortal: { code: "refundsInPortal", provider: "CBTIS" },
  refundPause: { code: "refundPause", provider: "QFPay", from: "23:30", until: "00:30" },
  orderMissing: { code: "orderMissing" },
  reload: { code: "reload" },
  gatewayRefused: { code: "gatewayRefused", provider: "QFPay", reason: "Insufficient balance (1269)." },
  notPaid: { code: "notPaid" },
  choosePayment: { code: "choosePayment" },
  paymentOfOrder: { code: "paymentOfOrder" },
  refundedInFull: { code: "refundedInFull" },
  atMost: { code: "atMost", max: 128050, currency: "HKD" },
  noPartialRefunds: { code: "noPartialRefunds", of: "currency" },
};

async function wordedIn(locale: Locale, problem: RefundProblem): Promise<string> {
  page.locale = locale;
  return refundProblemText(problem);
}

describe("a refund refusal as the admin reads it", () => {
  it("says each refusal in English as the admin's tests and people read it", async () => {
    expect(await wordedIn("en", EVERY.atMost)).toBe("At most HK$1,280.50 can still be refunded from this payment.");
    expect(await wordedIn("en", EVERY.refundPause)).toBe(
      "QFPay does not process refunds between 23:30 and 00:30 (Hong Kong time). Try again after 00:30.",
    );
    expect(await wordedIn("en", EVERY.gatewayRefused)).toBe("QFPay refused the refund: Insufficient balance (1269).");
    expect(await wordedIn("en", { code: "gatewayRefused", provider: "QFPay", reason: null })).toBe(
      "QFPay refused the refund.",
    );
    expect(await wordedIn("en", { code: "noPartialRefunds", of: "payment" })).toMatch(/^This payment does not/);
  });

  for (const locale of ["zh-HK", "zh-CN"] as const) {
    it(`words every refusal in ${locale}, with no English left but the gateway's own reason`, async () => {
      for (const problem of Object.values(EVERY)) {
        const text = await wordedIn(locale, problem);
        const withoutFacts = text.replace(/QFPay|CBTIS|HK\$[\d,.]+|\d\d:\d\d|Insufficient balance \(1269\)\./g, "");
        expect(withoutFacts, problem.code).not.toMatch(/[A-Za-z]/);
        expect(withoutFacts, problem.code).toMatch(/\p{Script=Han}/u);
      }
    });
  }

  it("formats money and keeps the gateway's reason as it is, after the lead-in", async () => {
    expect(await wordedIn("zh-HK", EVERY.atMost)).toBe("這筆付款最多只可再退 HK$1,280.50。");
    expect(await wordedIn("zh-CN", EVERY.gatewayRefused)).toBe("QFPay 拒绝了这笔退款：Insufficient balance (1269).");
  });
});
