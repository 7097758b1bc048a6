import { isCurrencyCode } from "./currencies";
import { parseGatewayTime } from "./gateway-time";
import { amountRefusal, isPayTypeCode, isOnlinePayType, ONLINE_PAY_TYPES, takesExpiredTime } from "./pay-types";

/** A payment as the shop asks for it, in QFPay's own field names. `mchid` comes from the client's config. */
export interface PaymentRequest {
  txamt: number;
  txcurrcd: string;
  pay_type: string;
  out_trade_no: string;
  txdtm: string;
  expired_time?: number;
  goods_name?: string;
  return_url?: string;
  notify_url?: string;
  openid?: string;
  udid?: string;
  txzone?: string;
  limit_pay?: string;
}

export interface RefundRequest {
  syssn: string;
  out_trade_no: string;
  txamt: number;
  txdtm: string;
  udid?: string;
}

export interface RequestProblem {
  field: string;
  message: string;
}

/** QFPay's `txamt` is Int(11): a signed 32-bit integer column. */
export const MAX_TXAMT = 2_147_483_647;

// "No special characters": letters and digits of any script (Chinese included) and spaces; String(64)
// (seeds 001 and 004) counts bytes, "cannot be empty" rules out a blank name.
const GOODS_NAME = /^[\p{L}\p{M}\p{N} ]+$/u;
const GOODS_NAME_CHARS = 20;
const GOODS_NAME_BYTES = 64;
const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength;

/**
 * A goods_name QFPay takes, made from any product name: what it may not hold dropped, cut to its length
 * in characters and bytes; `fallback` when nothing is left.
 */
export function toGoodsName(name: string, fallback: string): string {
  let chars = [
    ...name
      .replace(/[^\p{L}\p{M}\p{N} ]/gu, "")
      .replace(/\s+/g, " ")
      .trim(),
  ].slice(0, GOODS_NAME_CHARS);
  while (utf8Bytes(chars.join("")) > GOODS_NAME_BYTES) chars = chars.slice(0, -1);
  return chars.join("").trim() || fallback;
}
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

function checkAmount(txamt: number, problems: RequestProblem[]) {
  if (!Number.isSafeInteger(txamt) || txamt <= 0) {
    problems.push({ field: "txamt", message: "txamt must be a positive whole number of minor units" });
  } else if (txamt > MAX_TXAMT) {
    problems.push({ field: "txamt", message: `txamt must be at most ${MAX_TXAMT}` });
  }
}

function checkOutTradeNo(value: string, problems: RequestProblem[]) {
  if (!value || value.length > 128 || !VISIBLE_ASCII.test(value)) {
    problems.push({ field: "out_trade_no", message: "out_trade_no must be 1 to 128 visible ASCII characters" });
  }
}

function checkTxdtm(value: string, problems: RequestProblem[]) {
  if (parseGatewayTime(value) === null) {
    problems.push({ field: "txdtm", message: "txdtm must be a real time written YYYY-MM-DD hh:mm:ss" });
  }
}

function checkUrl(field: string, value: string | undefined, max: number, problems: RequestProblem[]) {
  if (value === undefined) return;
  let ok = false;
  try {
    const url = new URL(value);
    ok = url.protocol === "https:" || url.protocol === "http:";
  } catch {
    ok = false;
  }
  if (!ok) problems.push({ field, message: `${field} must be an absolute http(s) URL` });
  // String(n) limits are bytes: a URL with non-ASCII characters is longer than it looks.
  else if (utf8Bytes(value) > max)
    problems.push({ field, message: `${field} must be at most ${max} bytes for this pay type` });
}

/** A real UTC offset written like +0800: from -12:00 to +14:00, whole minutes under 60. */
function isRealOffset(text: string): boolean {
  const match = /^([+-])(\d{2})(\d{2})$/.exec(text);
  if (!match) return false;
  const minutes = (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  return Number(match[3]) < 60 && minutes >= -12 * 60 && minutes <= 14 * 60;
}

/** Every documented limit QFPay would refuse a payment for; an empty list means it may be sent. */
export function checkPaymentRequest(request: PaymentRequest): RequestProblem[] {
  const problems: RequestProblem[] = [];
  checkAmount(request.txamt, problems);
  if (!isCurrencyCode(request.txcurrcd)) {
    problems.push({
      field: "txcurrcd",
      message: `txcurrcd ${JSON.stringify(request.txcurrcd)} is not a currency QFPay lists`,
    });
  }
  if (!isPayTypeCode(request.pay_type)) {
    problems.push({
      field: "pay_type",
      message: `pay_type ${JSON.stringify(request.pay_type)} is not a QFPay pay type`,
    });
  }
  checkOutTradeNo(request.out_trade_no, problems);
  checkTxdtm(request.txdtm, problems);

  const online = isOnlinePayType(request.pay_type) ? ONLINE_PAY_TYPES[request.pay_type] : undefined;
  const refusal =
    online && isCurrencyCode(request.txcurrcd) && Number.isSafeInteger(request.txamt)
      ? amountRefusal(online.code, request.txamt, request.txcurrcd)
      : null;
  if (refusal?.kind === "currency") {
    problems.push({ field: "txcurrcd", message: `pay_type ${request.pay_type} (AlipayHK) takes HKD only` });
  } else if (refusal?.kind === "minimum") {
    problems.push({
      field: "txamt",
      message: `pay_type ${request.pay_type} needs more than ${refusal.minimumExclusive} minor units of ${request.txcurrcd} (more than 1 HKD)`,
    });
  }

  if (request.expired_time !== undefined) {
    if (!takesExpiredTime(request.pay_type)) {
      problems.push({ field: "expired_time", message: `pay_type ${request.pay_type} does not take expired_time` });
    } else if (!Number.isInteger(request.expired_time) || request.expired_time < 5 || request.expired_time > 120) {
      problems.push({ field: "expired_time", message: "expired_time must be a whole number of minutes from 5 to 120" });
    }
  }

  if (request.goods_name !== undefined) {
    if ([...request.goods_name].length > GOODS_NAME_CHARS || utf8Bytes(request.goods_name) > GOODS_NAME_BYTES) {
      problems.push({ field: "goods_name", message: "goods_name must be at most 20 characters and 64 bytes" });
    } else if (!GOODS_NAME.test(request.goods_name) || request.goods_name.trim() === "") {
      problems.push({ field: "goods_name", message: "goods_name may hold only letters, digits and spaces" });
    }
  }

  checkUrl("return_url", request.return_url, online?.returnUrlMax ?? 512, problems);
  checkUrl("notify_url", request.notify_url, 256, problems);

  if (online?.requiresOpenid && !request.openid) {
    problems.push({ field: "openid", message: `pay_type ${request.pay_type} needs the shopper's openid` });
  }
  if (request.udid !== undefined && (request.udid.length > 40 || !VISIBLE_ASCII.test(request.udid))) {
    problems.push({ field: "udid", message: "udid must be 1 to 40 visible ASCII characters" });
  }
  if (request.txzone !== undefined && !isRealOffset(request.txzone)) {
    problems.push({ field: "txzone", message: "txzone must be written like +0800" });
  }
  return problems;
}

export function checkRefundRequest(request: RefundRequest): RequestProblem[] {
  const problems: RequestProblem[] = [];
  if (!request.syssn || request.syssn.length > 40 || !VISIBLE_ASCII.test(request.syssn)) {
    problems.push({
      field: "syssn",
      message: "syssn must be the original payment's QFPay number (at most 40 characters)",
    });
  }
  checkOutTradeNo(request.out_trade_no, problems);
  checkAmount(request.txamt, problems);
  checkTxdtm(request.txdtm, problems);
  if (request.udid !== undefined && (request.udid.length > 40 || !VISIBLE_ASCII.test(request.udid))) {
    problems.push({ field: "udid", message: "udid must be 1 to 40 visible ASCII characters" });
  }
  return problems;
}
