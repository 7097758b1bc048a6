import { describe, expect, it } from "vitest";
import { checkPaymentRequest, toGoodsName } from "@/lib/qfpay/payment-request";

const request = (goods_name: string) => ({
  txamt: 12800,
  txcurrcd: "HKD",
  pay_type: "801514",
  out_trade_no: "P1",
  txdtm: "2026-12-02 12:00:00",
  goods_name,
});

describe("goods_name: any product name becomes one QFPay takes", () => {
  it.each([
    ["Jasmine Pearls 50 g", "Jasmine Pearls 50 g"],
    ["Tea & Cups — a gift set for two people", "Tea Cups a gift set"],
    ["茶葉禮盒", "茶葉禮盒"],
    ["🍵!!", "Online order"],
    ["   ", "Online order"],
  ])("%s → %s", (name, expected) => {
    const goodsName = toGoodsName(name, "Online order");
    expect(goodsName).toBe(expected);
    expect(checkPaymentRequest(request(goodsName))).toEqual([]);
  });

  it("keeps to 64 bytes as well as 20 characters (String(64) counts bytes)", () => {
    const goodsName = toGoodsName("𠀀".repeat(30), "Online order");
    expect(new TextEncoder().encode(goodsName).byteLength).toBeLessThanOrEqual(64);
    expect([...goodsName]).toHaveLength(16);
    expect(checkPaymentRequest(request(goodsName))).toEqual([]);
    expect(checkPaymentRequest(request("𠀀".repeat(20)))).toMatchObject([{ field: "goods_name" }]);
  });
});
