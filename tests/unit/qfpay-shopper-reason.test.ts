import { describe, expect, it } from "vitest";
import { shopperReason } from "@/lib/gateways/qfpay/qfpay-shopper-reason";
import { QFPAY_EXPLAINED_CODES, SHOPPER_REASON_KEYS } from "@/lib/payments/shopper-reason";

describe("a QFPay payment's reason for the shopper", () => {
  it("is a reason of its own for each code the shop explains, and each of those has its words", () => {
    for (const code of QFPAY_EXPLAINED_CODES) {
      expect(shopperReason(code, "QFPay's words")).toEqual({ key: code });
      expect(SHOPPER_REASON_KEYS).toContain(code);
    }
    expect(shopperReason("expired_by_shop", null)).toEqual({ key: "expired_by_shop" });
    expect(shopperReason("not_found", null)).toEqual({ key: "not_found" });
  });

  it("is 'try the other wallet' for the shop's own setup, and QFPay's words for anything else", () => {
    expect(shopperReason("1108", "Signature error")).toEqual({ key: "shopSide" });
    expect(shopperReason("9999", "Something new")).toEqual({ key: "generic", gatewayWords: "Something new" });
    expect(shopperReason(null, null)).toEqual({ key: "generic" });
    // A key of the shop's own that is no QFPay code is not taken for one.
    expect(shopperReason("cancelled_or_expired", null).key).toBe("generic");
  });
});
