import { describe, expect, it } from "vitest";
import { mailContent, type MailFacts } from "@/lib/payments/mail-content";

/* A receipt and a refund confirmation are written in the language the order was placed in. */

const receipt: MailFacts = {
  kind: "receipt",
  orderId: "order-1",
  items: [{ sku: "TEA-JAS-50", name: "Jasmine Pearls, 50 g", quantity: 1, unitPrice: 12800 }],
  currency: "HKD",
  total: 12800,
  wallet: "alipay",
  syssn: "20261202000300020000000001",
  orderLink: "https://shop.example/zh-HK/orders/order-1?t=token",
  provider: "QFPay",
};

describe("mail content per locale", () => {
  it("keeps English as it was for an English order (and for an order from before locales)", () => {
    for (const mail of [mailContent({ ...receipt, locale: "en" }), mailContent(receipt)]) {
      expect(mail.subject).toBe("Harbour Tea & Goods: your receipt");
      expect(mail.text).toContain("Total paid: HK$128.00");
      expect(mail.text).toContain("Paid with: Alipay");
      expect(mail.text).toContain("1 × Jasmine Pearls, 50 g");
      expect(mail.html).toContain('<html lang="en">');
    }
  });

  it("writes a zh-HK order's receipt in Traditional Chinese, with the catalog's Chinese names", () => {
    const mail = mailContent({ ...receipt, locale: "zh-HK" });
    expect(mail.subject).toBe("海港茶舍：你的收據");
    expect(mail.text).toContain("已付總額：HK$128.00");
    expect(mail.text).toContain("付款方式：支付寶");
    expect(mail.text).toContain("1 × 茉莉龍珠 50 g");
    expect(mail.text).toContain(receipt.orderLink);
    expect(mail.html).toContain('<html lang="zh-HK">');
  });

  it("writes a zh-CN order's refund in Simplified Chinese", () => {
    const mail = mailContent({
      ...receipt,
      kind: "refund",
      locale: "zh-CN",
      refund: { amount: 5000, syssn: "20261202000300020000000002", refundedTotal: 5000 },
    });
    expect(mail.subject).toBe("海港茶舍：您的退款");
    expect(mail.text).toContain("您的 HK$50.00 退款已完成。");
    expect(mail.text).toContain("累计退款：HK$50.00（订单总额 HK$128.00）");
    expect(mail.text).toContain("退回至：支付宝");
  });

  it("reads an unknown locale as English", () => {
    expect(mailContent({ ...receipt, locale: "fr" }).subject).toBe("Harbour Tea & Goods: your receipt");
  });

  it("names the provider the shop pays through beside its numbers", () => {
    expect(mailContent({ ...receipt, provider: "CBTIS" }).text).toContain(
      "CBTIS transaction number: 20261202000300020000000001",
    );
  });
});
