import { acceptedPayType } from "./accepted-pay-types";
import { isListedCurrency, worthMoreThanOneHkd } from "./accepted-currencies";
import { isIdentifier, isWebAddress, readPositiveInt } from "./field-formats";
import { DEFAULT_ZONE, fromGatewayTime, zoneOffsetMinutes } from "./gateway-clock";
import { goodsNameProblem } from "./goods-name";
import type { FormFields } from "./request-signature";
import { badParameter, type Refusal } from "./response-codes";
import { unknownField, missingField } from "./field-presence";

/** Seed 001's public payment parameters; `auth_code` is for in-store CPM only, never an online payment. */
const REQUIRED = ["txamt", "txcurrcd", "pay_type", "out_trade_no", "txdtm"] as const;
const OPTIONAL = [
  "expired_time",
  "goods_name",
  "mchid",
  "txzone",
  "udid",
  "return_url",
  "notify_url",
  "openid",
  "limit_pay",
] as const;
const KNOWN: ReadonlySet<string> = new Set([...REQUIRED, ...OPTIONAL]);

/**
 * The sandbox's reading of `/trade/v1/payment`'s parameters (seeds 000-002, 004; qfpay-api.md): the
 * first rule the fields break, as QFPay's 1104, or null when QFPay would take them. The fields are
 * already known to be signed and non-empty.
 */
export function paymentFieldsProblem(fields: FormFields): Refusal | null {
  const absent = missingField(fields, REQUIRED) ?? unknownField(fields, KNOWN);
  if (absent) return absent;
  // Seed 001: "if MCHID is not provided, merchants shall not pass the MCHID field": the sandbox issues none.
  if (fields.mchid !== undefined) return badParameter("mchid was not issued to this app_code");

  const payType = acceptedPayType(fields.pay_type!);
  if (!payType) return badParameter(`pay_type ${fields.pay_type} is not enabled for this app_code`);
  const txamt = readPositiveInt(fields.txamt!);
  if (txamt === null) return badParameter("txamt must be a whole number of cents from 1 to 2147483647");
  const currency = fields.txcurrcd!;
  if (!isListedCurrency(currency)) return badParameter(`txcurrcd ${currency} is not a currency QFPay lists`);
  if (payType.hkdOnly && currency !== "HKD")
    return badParameter(`pay_type ${fields.pay_type} (AlipayHK) takes HKD only`);
  if (payType.aboveOneHkd && !worthMoreThanOneHkd(txamt, currency))
    return badParameter(`pay_type ${fields.pay_type} needs an amount above 1 HKD`);
  if (!isIdentifier(fields.out_trade_no!, 128))
    return badParameter("out_trade_no must be at most 128 visible ASCII characters");

  if (fields.txzone !== undefined && zoneOffsetMinutes(fields.txzone) === null)
    return badParameter("txzone must be an offset such as +0800");
  if (fromGatewayTime(fields.txdtm!, fields.txzone ?? DEFAULT_ZONE) === null)
    return badParameter("txdtm must be a real time written YYYY-MM-DD hh:mm:ss");

  if (fields.expired_time !== undefined) {
    if (!payType.takesExpiredTime) return badParameter(`pay_type ${fields.pay_type} does not take expired_time`);
    // String(3), minutes: "a minimum of 5 minutes, and up to a maximum of 120 minutes" (seed 001).
    const minutes = /^\d{1,3}$/.test(fields.expired_time) ? Number(fields.expired_time) : NaN;
    if (!(minutes >= 5 && minutes <= 120)) return badParameter("expired_time must be 5 to 120 minutes");
  }
  if (fields.goods_name !== undefined) {
    const problem = goodsNameProblem(fields.goods_name);
    if (problem) return badParameter(problem);
  }
  if (fields.return_url !== undefined && !isWebAddress(fields.return_url, payType.returnUrlMax)) {
    return badParameter(
      `return_url must be an http(s) address of at most ${payType.returnUrlMax} characters for pay_type ${fields.pay_type}`,
    );
  }
  if (fields.notify_url !== undefined && !isWebAddress(fields.notify_url, 256))
    return badParameter("notify_url must be an http(s) address of at most 256 characters");
  if (payType.needsOpenid && fields.openid === undefined)
    return badParameter(`pay_type ${fields.pay_type} needs the shopper's openid`);
  if (fields.openid !== undefined && !isIdentifier(fields.openid, 128))
    return badParameter("openid must be the shopper's Alipay user id");
  if (fields.udid !== undefined && !isIdentifier(fields.udid, 40))
    return badParameter("udid must be at most 40 visible ASCII characters");
  if (fields.limit_pay !== undefined && !isIdentifier(fields.limit_pay, 32))
    return badParameter("limit_pay must be a short code");
  return null;
}
