import type { Db } from "../db/connection";
import { sandboxTransactions } from "../db/schema/sandbox";
import { SANDBOX_APP_CODE } from "./credentials";
import type { Fault } from "./faults";
import { toGatewayTime } from "./gateway-clock";
import { paymentFieldsProblem } from "./payment-rules";
import type { FormFields } from "./request-signature";
import { refusal, refusalAnswer, RESPONSE, type Answer } from "./response-codes";
import { newSyssn } from "./syssn";
import { tradeNoOf } from "./alipay/trade-no";
import { acceptedPayType } from "./accepted-pay-types";
import { AWAITING_SHOPPER_STATE, pendingStateFor } from "./transaction-states";

/** Seed 001: "The default expiration time is 30 minutes". */
const DEFAULT_EXPIRY_MINUTES = 30;

export interface PaymentContext {
  db: Db;
  publicBaseUrl: string;
}

/** `/trade/v1/payment`: checks the fields by the sandbox's own rules, creates the transaction, answers with its `pay_url`. */
export async function handlePayment(
  ctx: PaymentContext,
  fields: FormFields,
  now: Date,
  fault: Fault | null,
): Promise<Answer> {
  const problem = paymentFieldsProblem(fields);
  if (problem) return refusalAnswer(problem);

  const syssn = newSyssn(now);
  const pending = fault?.kind === "pending" ? fault : null;
  const sysdtm = toGatewayTime(now);
  const minutes = fields.expired_time === undefined ? DEFAULT_EXPIRY_MINUTES : Number(fields.expired_time);
  const inserted = await ctx.db
    .insert(sandboxTransactions)
    .values({
      syssn,
      appCode: SANDBOX_APP_CODE,
      orderType: "payment",
      outTradeNo: fields.out_trade_no!,
      payType: fields.pay_type!,
      txamt: Number(fields.txamt),
      txcurrcd: fields.txcurrcd!,
      txdtm: fields.txdtm!,
      sysdtm,
      respcd: pending ? pendingStateFor(pending.code) : AWAITING_SHOPPER_STATE,
      goodsName: fields.goods_name ?? null,
      notifyUrl: fields.notify_url ?? null,
      returnUrl: fields.return_url ?? null,
      expiresAt: new Date(now.getTime() + minutes * 60_000),
      pendingQueriesLeft: pending ? pending.afterQueries : null,
      pendingSettle: pending ? pending.settle : null,
    })
    .onConflictDoNothing()
    .returning({ syssn: sandboxTransactions.syssn });
  // out_trade_no "must be unique for each payment and refund request under the same merchant account" (seed 001).
  if (inserted.length === 0) return refusalAnswer(refusal(RESPONSE.duplicate, "out_trade_no has been used already"));

  const common = {
    syssn,
    out_trade_no: fields.out_trade_no!,
    txamt: fields.txamt!,
    txcurrcd: fields.txcurrcd!,
    pay_type: fields.pay_type!,
    txdtm: fields.txdtm!,
    sysdtm,
    paydtm: sysdtm,
    udid: fields.udid ?? "",
    chnlsn: "",
  };
  if (pending) {
    return { ...common, respcd: pending.code, resperr: "", respmsg: "" };
  }
  const answer = { ...common, respcd: RESPONSE.success, resperr: "success", respmsg: "" };
  // 800107 is paid in Alipay's own cashier inside its app: QFPay answers the trade for it, not a page.
  if (acceptedPayType(fields.pay_type!)?.needsOpenid) return { ...answer, pay_params: { tradeNO: tradeNoOf(syssn) } };
  return { ...answer, pay_url: `${ctx.publicBaseUrl}/sandbox/cashier/${syssn}` };
}
