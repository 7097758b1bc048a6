import type { QfpayClient } from "../../qfpay/client";
import { formatGatewayTime } from "../../qfpay/gateway-time";
import { ONLINE_PAY_TYPES, payTypeFor, takesExpiredTime, type OnlinePayTypeCode } from "../../qfpay/pay-types";
import { toGoodsName } from "../../qfpay/payment-request";
import { REFUND_BLACKOUT, inRefundBlackout } from "../../qfpay/refund-window";
import { describeStatus } from "../../qfpay/status-codes";
import { GENERIC_DESCRIPTION, type PaymentGateway } from "../../payments/gateway";
import { LOOK_UP_BATCH, lookUpQfpayPayments, lookUpQfpayRefund } from "./qfpay-lookups";
import { readQfpayNotification } from "./qfpay-notification-reading";
import { shopperReason } from "./qfpay-shopper-reason";
import { walletRefusal } from "./qfpay-wallet-refusal";
import { PROVIDER_NAMES } from "../../provider-name";
import { partialRefusal, refundRefusalReason } from "./qfpay-refund-reasons";

export interface QfpayGatewayOptions {
  /** Where QFPay sends notifications: the shop's route for them. */
  siteUrl: string;
  /** Verifies notifications. */
  clientKey: string;
}

/** Whether a pay type is paid in the wallet app's own cashier (800107), which takes the shopper's openid. */
function inAppCashier(method: string): boolean {
  return ONLINE_PAY_TYPES[method as OnlinePayTypeCode]?.flow === "h5";
}

/** The use cases' gateway, spoken in QFPay's terms: its pay types, its codes, its clock and its query. */
export function qfpayGateway(client: QfpayClient, options: QfpayGatewayOptions): PaymentGateway {
  return {
    methodFor: payTypeFor,
    walletRefusal,
    shopperReason,
    requestTime: formatGatewayTime,
    lookUpBatchSize: LOOK_UP_BATCH,

    async startPayment(payment) {
      const outcome = await client.createPayment({
        txamt: payment.amount,
        txcurrcd: payment.currency,
        pay_type: payment.method,
        out_trade_no: payment.outTradeNo,
        txdtm: payment.requestTime,
        expired_time: takesExpiredTime(payment.method) ? payment.expiresInMinutes : undefined,
        goods_name: toGoodsName(payment.description, GENERIC_DESCRIPTION),
        return_url: payment.returnUrl,
        notify_url: `${options.siteUrl}/api/qfpay/notify`,
        openid: inAppCashier(payment.method) ? payment.payer : undefined,
      });
      switch (outcome.kind) {
        case "accepted":
          // 800107 answers the tradeNO of Alipay's in-app cashier in pay_params instead of a pay_url.
          return {
            kind: "started",
            syssn: outcome.value.syssn,
            payUrl: outcome.value.pay_url ?? null,
            tradeNo: outcome.value.pay_params?.tradeNO ?? null,
          };
        case "pending":
          return { kind: "unknown", detail: { code: outcome.code, message: outcome.message } };
        case "transport":
          return {
            kind: "unknown",
            detail: { reason: outcome.reason, status: outcome.status, message: outcome.message },
          };
        case "failed":
          return {
            kind: "refused",
            code: outcome.code,
            reason: describeStatus(outcome.code),
            detail: { code: outcome.code, gatewayMessage: outcome.gatewayMessage },
          };
        case "invalid":
          return { kind: "invalid", reason: outcome.message, detail: { problems: outcome.problems } };
      }
    },

    lookUpPayments: (payments) => lookUpQfpayPayments(client, payments),

    name: PROVIDER_NAMES.qfpay,
    returnsShopper: true,

    refundsOutsideShop: null,
    refundPause: (at) =>
      inRefundBlackout(at) ? { code: "refundPause", provider: PROVIDER_NAMES.qfpay, ...REFUND_BLACKOUT } : null,
    partialRefusal,

    async refund(refund) {
      const outcome = await client.refund({
        syssn: refund.paymentSyssn,
        out_trade_no: refund.outTradeNo,
        txamt: refund.amount,
        txdtm: refund.requestTime,
      });
      switch (outcome.kind) {
        case "accepted":
          return { kind: "accepted", syssn: outcome.value.syssn };
        case "pending":
        case "transport":
          return { kind: "unknown", message: outcome.message };
        case "failed":
          return { kind: "refused", code: outcome.code, reason: refundRefusalReason(outcome.code) };
        case "invalid":
          return { kind: "refused", code: "invalid", reason: outcome.message };
      }
    },

    lookUpRefund: (refund) => lookUpQfpayRefund(client, refund),

    readNotification: (raw, signature) => readQfpayNotification(raw, signature, options.clientKey),
  };
}
