import { expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { retryPayment } from "@/lib/payments/retry-payment";
import { lockAttemptWithOrder } from "@/lib/payments/store/attempts";
import { lockOrder } from "@/lib/payments/store/orders";
import { signNotificationBody } from "@/lib/qfpay/notification";
import { SANDBOX_CLIENT_KEY } from "@/lib/sandbox/credentials";
import { notificationBody } from "@/lib/sandbox/notifications";
import { isRowLocked, whileWaiting } from "../support/row-locks";
import { shopForThisFile } from "../support/shop-harness";
import { checkout, orderOf } from "../support/payments-helpers";

// A shopper's "Try again" and QFPay's notification of the same order arriving together: on PostgreSQL
// they truly race. Each takes the attempt's lock and then the order's, so neither can deadlock the other.
const shop = shopForThisFile();

it("a retry and the payment's notifications arriving at once: no deadlock, no error, the order paid once", async () => {
  // Spaced as the running shop is; a retry asks QFPay at once all the same (a shopper may have just declined)
  // and races the notification's confirmation, as a shopper's quick second click would.
  const spaced = { ...shop.ctx, querySpacingMs: 3_000 };
  for (let round = 0; round < 50; round++) {
    const { orderId, attempt } = await checkout(shop);
    await shop.control({ action: "fault", fault: { endpoint: "notify", kind: "delay", delayMs: 3_600_000 } });
    await shop.control({ action: "pay", syssn: attempt.syssn });
    const body = notificationBody((await shop.gateway.inspect({ syssn: attempt.syssn! }))!.transaction);
    const post = () =>
      fetch(shop.notifyUrl, {
        method: "POST",
        headers: { "X-QF-SIGN": signNotificationBody(body, SANDBOX_CLIENT_KEY) },
        body,
      }).then((r) => r.status);
    // The notification is confirmed by a query about 20 ms after it arrives: the retry comes at each moment of that.
    const later = new Promise((resolve) => setTimeout(resolve, round % 40));
    const [retried, ...answers] = await Promise.all([
      later.then(() => retryPayment(spaced, orderId, "alipay", "desktop")),
      post(),
      post(),
    ]);
    expect(answers).toEqual([200, 200]);
    // The retry either came first (a fresh attempt, the paid one replaced and then paid) or after (refused).
    if (!retried.ok) expect(retried.problem).toEqual({ code: "orderClosed" });
    expect((await orderOf(shop, orderId)).state).toBe("paid");
  }
});

it.runIf(process.env.TEST_DB_ENGINE === "postgres")(
  "applying a payment locks its attempt and then its order, in one statement: while it waits for the order, the attempt is taken",
  async () => {
    const { orderId, attempt } = await checkout(shop);
    const db = shop.database.db;
    const { probed, result } = await whileWaiting(
      db,
      (tx) => lockOrder(tx, orderId),
      (tx) => lockAttemptWithOrder(tx, attempt.id),
      () => isRowLocked(db, sql`select id from payment_attempts where id = ${attempt.id} for no key update nowait`),
    );
    expect(probed).toBe(true);
    expect(result?.order.id).toBe(orderId);
  },
);
