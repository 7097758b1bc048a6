import type { Db } from "../db/connection";
import { sandboxTransactions } from "../db/schema/sandbox";
import { formatGatewayTime } from "../qfpay/gateway-time";
import { checkPaymentRequest, type PaymentRequest } from "../qfpay/payment-request";
import { isOnlinePayType } from "../qfpay/pay-types";
import type { QfpayParams } from "../qfpay/sign";
import { SANDBOX_APP_CODE } from "./credentials";
import type { Fault } from "./faults";
import type { Refusal as GatewayRefusal } from "./response-codes";
import { newSyssn } from "./syssn";

const REQUIRED = ["txamt", "txcurrcd", "pay_type", "out_trade_no", "txdtm"] as const;
const KNOWN = new Set([...REQUIRED, "expired_time", "goods_name", "return_url", "notify_url", "openid", "udid", "txzone", "limit_pay", "mchid"]);
const DEFAULT_EXPIRY_MINUTES = 30;

export interface PaymentContext {
  db: Db;
  publicBaseUrl: string;
}

type Answer = Record<string, string> & { respcd: string };

function refuse(respcd: string, resperr: string): Answer {
  return { respcd, resperr, respmsg: "" };
}

/** Reads the form into the typed request, refusing what QFPay's own parameter check would. */
function toPaymentRequest(params: QfpayParams): PaymentRequest | GatewayRefusal {
  for (const name of REQUIRED) {
    if (!params[name]) return { respcd: "1104", resperr: `parameter ${name} is required` };
  }
  const unknown = Object.keys(params).find((name) => !KNOWN.has(name));
  if (unknown) return { respcd: "1104", resperr: `unknown parameter ${unknown}` };
  if (!/^\d{1,11}$/.test(params.txamt!)) return { respcd: "1104", resperr: "txamt must be a whole number of cents" };
  if (params.expired_time !== undefined && !/^\d{1,3}$/.test(params.expired_time)) {
    return { respcd: "1104", resperr: "expired_time must be a number of minutes" };
  }
  // The sandbox issues no mchid; QFPay refuses one it did not issue.
  if (params.mchid !== undefined) return { respcd: "1104", resperr: "mchid was not issued to this app_code" };
  if (!isOnlinePayType(params.pay_type!)) return { respcd: "1104", resperr: `pay_type ${params.pay_type} is not enabled for this app_code` };
  return {
    txamt: Number(params.txamt),
    txcurrcd: params.txcurrcd!,
    pay_type: params.pay_type!,
    out_trade_no: params.out_trade_no!,
    txdtm: params.txdtm!,
    expired_time: params.expired_time === undefined ? undefined : Number(params.expired_time),
    goods_name: params.goods_name,
    return_url: params.return_url,
    notify_url: params.notify_url,
    openid: params.openid,
    udid: params.udid,
    txzone: params.txzone,
    limit_pay: params.limit_pay,
  };
}

/** `/trade/v1/payment`: creates the transaction and answers with its `pay_url`. */
export async function handlePayment(ctx: PaymentContext, params: QfpayParams, now: Date, fault: Fault | null): Promise<Answer> {
  const request = toPaymentRequest(params);
  if ("respcd" in request) return refuse(request.respcd, request.resperr);
  const problems = checkPaymentRequest(request);
  if (problems.length > 0) return refuse("1104", problems[0]!.message);

  const syssn = newSyssn(now);
  const pending = fault?.kind === "pending" ? fault : null;
  const sysdtm = formatGatewayTime(now);
  const minutes = request.expired_time ?? DEFAULT_EXPIRY_MINUTES;
  const inserted = await ctx.db
    .insert(sandboxTransactions)
    .values({
      syssn,
      appCode: SANDBOX_APP_CODE,
      orderType: "payment",
      outTradeNo: request.out_trade_no,
      payType: request.pay_type,
      txamt: request.txamt,
      txcurrcd: request.txcurrcd,
      txdtm: request.txdtm,
      sysdtm,
      respcd: pending?.code ?? "1143",
      goodsName: request.goods_name ?? null,
      notifyUrl: request.notify_url ?? null,
      returnUrl: request.return_url ?? null,
      expiresAt: new Date(now.getTime() + minutes * 60_000),
      pendingQueriesLeft: pending ? pending.afterQueries : null,
      pendingSettle: pending ? pending.settle : null,
    })
    .onConflictDoNothing()
    .returning({ syssn: sandboxTransactions.syssn });
  if (inserted.length === 0) return refuse("1102", "out_trade_no has been used already");

  const common = {
    syssn,
    out_trade_no: request.out_trade_no,
    txamt: String(request.txamt),
    txcurrcd: request.txcurrcd,
    pay_type: request.pay_type,
    txdtm: request.txdtm,
    sysdtm,
    paydtm: sysdtm,
    udid: request.udid ?? "",
    chnlsn: "",
  };
  if (pending) {
    return { ...common, respcd: pending.code, resperr: "", respmsg: "" };
  }
  return { ...common, respcd: "0000", resperr: "success", respmsg: "", pay_url: `${ctx.publicBaseUrl}/sandbox/cashier/${syssn}` };
}
