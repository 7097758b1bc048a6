import { describe, expect, it } from "vitest";
import { paymentAcceptedSchema } from "@/lib/qfpay/responses";

const accepted = { respcd: "0000", syssn: "20261122000100020001", out_trade_no: "P1", txamt: "12800" };

describe("a gateway answer", () => {
  it("takes an https pay_url and keeps fields it does not know", () => {
    const parsed = paymentAcceptedSchema.parse({
      ...accepted,
      pay_url: "https://openapi-hk.qfapi.com/pay/1",
      new_field: "x",
    });
    expect(parsed).toMatchObject({ pay_url: "https://openapi-hk.qfapi.com/pay/1", txamt: 12800, new_field: "x" });
  });

  it.each(["javascript:alert(1)", "data:text/html,hi", "//evil.example/pay", "not a url", ""])(
    "refuses %j as a pay_url",
    (payUrl) => {
      expect(paymentAcceptedSchema.safeParse({ ...accepted, pay_url: payUrl }).success).toBe(false);
    },
  );

  it.each([
    ["txamt", "12.80"],
    ["txamt", -1],
    ["respcd", "0"],
    ["syssn", ""],
  ])("refuses %s = %j", (field, value) => {
    expect(paymentAcceptedSchema.safeParse({ ...accepted, [field]: value }).success).toBe(false);
  });
});
