import { and, eq } from "drizzle-orm";
import { sandboxTransactions } from "../db/schema/sandbox";
import { isUniqueViolation } from "../db/errors";
import { SANDBOX_APP_CODE } from "./credentials";
import { toGatewayTime } from "./gateway-clock";
import { inRefundBlackout } from "./refund-blackout";
import { refundFieldsProblem } from "./refund-rules";
import type { FormFields } from "./request-signature";
import { refusalAnswer, RESPONSE, type Answer } from "./response-codes";
import { newSyssn } from "./syssn";
import { PAID_STATE, stateOf } from "./transaction-states";
import { queueNotification, type PayContext, type Transaction } from "./transactions";

function refuse(respcd: string, resperr: string): Answer {
  return refusalAnswer({ respcd, resperr });
}

/**
 * `/trade/v1/refund` (qfpay-api.md): only a paid payment, full or partial, never above what is left of
 * it (1272), a new out_trade_no each time, none in the nightly window (1265).
 */
export async function handleRefund(ctx: PayContext, params: FormFields, now: Date): Promise<Answer> {
  const problem = refundFieldsProblem(params);
  if (problem) return refusalAnswer(problem);
  if (inRefundBlackout(now))
    return refuse(RESPONSE.refundBlackout, "refunds are not processed between 23:30 and 00:30");

  const amount = Number(params.txamt);
  const result = await ctx.db
    .transaction(async (tx): Promise<{ refused: Answer } | { refund: Transaction }> => {
      const [original] = await tx
        .select()
        .from(sandboxTransactions)
        .where(
          and(
            eq(sandboxTransactions.syssn, params.syssn!),
            eq(sandboxTransactions.appCode, SANDBOX_APP_CODE),
            eq(sandboxTransactions.orderType, "payment"),
          ),
        )
        .for("update");
      if (!original) return { refused: refuse(RESPONSE.notFound, "the original payment does not exist") };
      const state = stateOf(original.respcd);
      if (state === "pending") return { refused: refuse(RESPONSE.notPaid, "the original payment has not been paid") };
      if (state !== "paid") return { refused: refuse(RESPONSE.closed, "the original payment is closed") };
      const [reused] = await tx
        .select({ syssn: sandboxTransactions.syssn })
        .from(sandboxTransactions)
        .where(
          and(
            eq(sandboxTransactions.appCode, SANDBOX_APP_CODE),
            eq(sandboxTransactions.outTradeNo, params.out_trade_no!),
          ),
        );
      if (reused) return { refused: refuse(RESPONSE.duplicate, "out_trade_no has been used already") };
      const left = original.txamt - original.refundedAmount;
      if (left === 0)
        return { refused: refuse(RESPONSE.refundedAlready, "the payment has been refunded in full already") };
      if (amount > left) return { refused: refuse(RESPONSE.refundTooLarge, `at most ${left} can still be refunded`) };

      const refunded = original.refundedAmount + amount;
      const cancel = refunded === original.txamt ? "3" : "5";
      await tx
        .update(sandboxTransactions)
        .set({ refundedAmount: refunded, cancel })
        .where(eq(sandboxTransactions.syssn, original.syssn));
      const sysdtm = toGatewayTime(now);
      const [refund] = await tx
        .insert(sandboxTransactions)
        .values({
          syssn: newSyssn(now),
          appCode: SANDBOX_APP_CODE,
          orderType: "refund",
          outTradeNo: params.out_trade_no!,
          payType: original.payType,
          txamt: amount,
          txcurrcd: original.txcurrcd,
          txdtm: params.txdtm!,
          sysdtm,
          paydtm: sysdtm,
          respcd: PAID_STATE,
          cancel,
          origSyssn: original.syssn,
          notifyUrl: original.notifyUrl,
        })
        .returning();
      return { refund: refund! };
    })
    .catch((error: unknown) => {
      // Two refunds racing with one new number: the unique index lets one through.
      if (isUniqueViolation(error))
        return { refused: refuse(RESPONSE.duplicate, "out_trade_no has been used already") };
      throw error;
    });
  if ("refused" in result) return result.refused;
  const { refund } = result;

  await queueNotification(ctx, refund, now);
  return {
    respcd: RESPONSE.success,
    resperr: "success",
    respmsg: "",
    syssn: refund.syssn,
    orig_syssn: refund.origSyssn ?? "",
    out_trade_no: refund.outTradeNo,
    txamt: String(refund.txamt),
    txcurrcd: refund.txcurrcd,
    txdtm: refund.txdtm,
    sysdtm: refund.sysdtm,
  };
}
