import { ONLINE_PAY_TYPES, type Flow, type OnlinePayTypeCode } from "../qfpay/pay-types";
import { readCbtisMethod } from "./cbtis/cbtis-methods";

/**
 * How an attempt's stored method is paid, whichever gateway wrote it: "web" is a QR code shown on a
 * computer, "wap" a redirect on a phone, "h5" QFPay's in-app cashier. QFPay's pay types and CBTIS's wallet/flow pairs never overlap.
 */
export function flowOfMethod(method: string): Flow {
  const qfpay = ONLINE_PAY_TYPES[method as OnlinePayTypeCode];
  if (qfpay) return qfpay.flow;
  return readCbtisMethod(method)?.flow === "mobile_web" ? "wap" : "web";
}
