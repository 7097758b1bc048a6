import { describe, expect, it } from "vitest";
import { priceCart } from "@/lib/catalog/price-cart";
import { queryAttempt } from "@/lib/payments/query-attempt";
import { retryPayment } from "@/lib/payments/retry-payment";
import { startPayment } from "@/lib/payments/start-payment";
import { syssnOfTradeNo, tradeNoOf } from "@/lib/sandbox/alipay/trade-no";
import { orderOf, TEA } from "../support/payments-helpers";
import { shopForThisFile } from "../support/shop-harness";

const shop = shopForThisFile();
const USER_ID = "2088102122524333";

async function checkout(sessionId: string, payer?: string) {
  const priced = priceCart([{ sku: TEA, qty: 1 }]);
  if (!priced.ok) throw new Error(JSON.stringify(priced.problem));
  const result = await startPayment(shop.ctx, {
    sessionId,
    email: "shopper@example.com",
    items: priced.items,
    wallet: "alipay",
    device: "mobile",
    payer,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result;
}

describe("Alipay's Service Window (800107) through the shop's gateway and the sandbox", () => {
  it("a shopper whose Alipay user id the shop holds pays with 800107, and the attempt keeps the tradeNO QFPay answers", async () => {
    const { orderId, attempt } = await checkout("session-h5", USER_ID);
    expect(attempt).toMatchObject({ payType: "800107", state: "awaiting_payment", payUrl: null });
    expect(attempt.tradeNo).toBe(tradeNoOf(attempt.syssn!));
    expect(attempt.tradeNo).toMatch(/^\d{28}$/);
    expect(syssnOfTradeNo(attempt.tradeNo!)).toBe(attempt.syssn);
    // The user id went to QFPay as openid and nowhere the shop writes down.
    expect(JSON.stringify(shop.logLines)).not.toContain(USER_ID);
    expect(JSON.stringify(await orderOf(shop, orderId))).not.toContain(USER_ID);

    await shop.control({ action: "pay", syssn: attempt.syssn });
    await queryAttempt(shop.ctx, attempt, "test");
    expect((await orderOf(shop, orderId)).state).toBe("paid");
  });

  it("without a user id, Alipay on a phone stays the WAP flow (801107) with its pay_url", async () => {
    const { attempt } = await checkout("session-wap");
    expect(attempt).toMatchObject({ payType: "801107", tradeNo: null });
    expect(attempt.payUrl).toMatch(/\/sandbox\/cashier\/\d{26}$/);
  });

  it("a retry inside the Alipay app reuses the open 800107 attempt; one without the user id moves to the WAP flow", async () => {
    const { orderId, attempt } = await checkout("session-retry", USER_ID);
    const again = await retryPayment(shop.ctx, orderId, "alipay", "mobile", USER_ID);
    expect(again).toMatchObject({ ok: true, attempt: { id: attempt.id, tradeNo: attempt.tradeNo } });
    const web = await retryPayment(shop.ctx, orderId, "alipay", "mobile");
    expect(web).toMatchObject({ ok: true, attempt: { payType: "801107", tradeNo: null } });
  });
});
