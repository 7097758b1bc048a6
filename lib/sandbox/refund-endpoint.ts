import { and, eq } from "drizzle-orm";
import { sandboxTransactions } from "../db/schema/sandbox";
import { formatGatewayTime, parseGatewayTime } from "../qfpay/gateway-time";
import type { QfpayParams } from "../qfpay/sign";
import { inRefundBlackout } from "../qfpay/refund-window";
import { transactionStateOf } from "../qfpay/status-codes";
import { SANDBOX_APP_CODE } from "./credentials";
import { newSyssn } from "./syssn";
import { isUniqueViolation } from "../db/errors";
import { queueNotification, type PayContext, type Transaction } from "./transactions";

const REQUIRED = ["syssn", "out_trade_no", "txamt", "txdtm"] as const;
const KNOWN = new Set([...REQUIRED, "mchid", "udid", "txzone"]);

type Answer = Record<string, string> & { respcd: string };

function refuse(respcd: string, resperr: string): Answer {
  return { respcd, resperr, respmsg: "" };
}

/** `/trade/v1/refund`: full or partial, never above what is left of the payment, a new number each time. */
export async function handleRefund(ctx: PayContext, params: QfpayParams, now: Date): Promise<Answer> {
  for (const name of REQUIRED) {
    if (!params[name]) return refuse("1104", `parameter ${name} is required`);
  }
  const unknown = Object.keys(params).find((name) => !KNOWN.has(name));
  if (unknown) return refuse("1104", `unknown parameter ${unknown}`);
  if (params.mchid !== undefined) return refuse("1104", "mchid was not issued to this app_code");
  if (!/^\d{1,11}$/.test(params.txamt!) || Number(params.txamt) <= 0) return refuse("1104", "txamt must be a positive whole number of cents");
  if (parseGatewayTime(params.txdtm!) === null) return refuse("1104", "txdtm must be YYYY-MM-DD hh:mm:ss");
  if (params.out_trade_no!.length > 128) return refuse("1104", "out_trade_no must be at most 128 characters");
  if (inRefundBlackout(now)) return refuse("1265", "refunds are not processed between 23:30 and 00:30");

  const amount = Number(params.txamt);
  const result = await ctx.db.transaction(async (tx): Promise<{ refused: Answer } | { refund: Transaction }> => {
    const [original] = await tx
      .select()
      .from(sandboxTransactions)
      .where(and(eq(sandboxTransactions.syssn, params.syssn!), eq(sandboxTransactions.appCode, SANDBOX_APP_CODE), eq(sandboxTransactions.orderType, "payment")))
      .for("update");
    if (!original) return { refused: refuse("1268", "the original payment does not exist") };
    const state = transactionStateOf(original.respcd);
    if (state === "pending") return { refused: refuse("1261", "the original payment has not been paid") };
    if (state !== "paid") return { refused: refuse("1264", "the original payment is closed") };
    const [reused] = await tx
      .select({ syssn: sandboxTransactions.syssn })
      .from(sandboxTransactions)
      .where(and(eq(sandboxTransactions.appCode, SANDBOX_APP_CODE), eq(sandboxTransactions.outTradeNo, params.out_trade_no!)));
    if (reused) return { refused: refuse("1102", "out_trade_no has been used already") };
    const left = original.txamt - original.refundedAmount;
    if (left === 0) return { refused: refuse("1125", "the payment has been refunded in full already") };
    if (amount > left) return { refused: refuse("1272", `at most ${left} can still be refunded`) };

    const refunded = original.refundedAmount + amount;
    const cancel = refunded === original.txamt ? "3" : "5";
    await tx.update(sandboxTransactions).set({ refundedAmount: refunded, cancel }).where(eq(sandboxTransactions.syssn, original.syssn));
    const sysdtm = formatGatewayTime(now);
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
        respcd: "0000",
        cancel,
        origSyssn: original.syssn,
        notifyUrl: original.notifyUrl,
      })
      .returning();
    return { refund: refund! };
  }).catch((error: unknown) => {
    // Two refunds racing with one new number: the unique index lets one through.
    if (isUniqueViolation(error)) return { refused: refuse("1102", "out_trade_no has been used already") };
    throw error;
  });
  if ("refused" in result) return result.refused;
  const { refund } = result;

  await queueNotification(ctx, refund, now);
  return {
    respcd: "0000",
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
