import { afterAll, beforeAll, expect, it } from "vitest";
import { queryAttempt } from "@/lib/payments/query-attempt";
import { formatGatewayTime } from "@/lib/qfpay/gateway-time";
import { startShop, type ShopHarness } from "../support/shop-harness";
import { checkout, orderOf } from "../support/payments-helpers";

// The shop's clock at 23:59:30 on the last day of this month (Hong Kong time); QFPay's one minute ahead,
// already in the next month: the payment's sysdtm, which QFPay's query filters on, is next month's.
const lastDay = new Date();
lastDay.setUTCMonth(lastDay.getUTCMonth() + 1, 0);
lastDay.setUTCHours(15, 59, 30, 0); // 23:59:30 in UTC+8
const SHOP_OFFSET_MS = lastDay.getTime() - Date.now();

let shop: ShopHarness;
beforeAll(async () => {
  shop = await startShop({ now: () => new Date(Date.now() + SHOP_OFFSET_MS) });
  await shop.control({ action: "settings", clockOffsetMs: SHOP_OFFSET_MS + 60_000 });
});
afterAll(async () => {
  await shop?.close();
});

it("finds a payment sent just before midnight at a month's end that QFPay stamped in the next month", async () => {
  const { orderId, attempt } = await checkout(shop);
  const held = (await shop.gateway.inspect({ syssn: attempt.syssn! }))!.transaction;
  expect(attempt.txdtm.slice(0, 7)).not.toBe(held.sysdtm.slice(0, 7));
  expect(formatGatewayTime(shop.ctx.now()).slice(0, 7)).toBe(attempt.txdtm.slice(0, 7));
  await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 3_600_000 } });
  await shop.control({ action: "pay", syssn: attempt.syssn });
  expect(await queryAttempt(shop.ctx, attempt, "test")).toBe("settled");
  expect((await orderOf(shop, orderId)).state).toBe("paid");
});
