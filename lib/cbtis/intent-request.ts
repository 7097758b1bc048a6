import { decimalsOf } from "./amount";

/** The wallets the PC2Mobile solution takes (seed 003's table): Alipay (mainland) and AlipayHK. */
export const CBTIS_WALLETS = ["ALIPAYCN", "ALIPAYHK"] as const;
export type CbtisWallet = (typeof CBTIS_WALLETS)[number];

/**
 * The flows: `web_qrcode` is seed 003's (a QR code on a computer); `mobile_web` (a redirect on a phone) is
 * the one the shared notes add for the same API. The seed's example says "cashier": its table wins.
 */
export const CBTIS_FLOWS = ["web_qrcode", "mobile_web"] as const;
export type CbtisFlow = (typeof CBTIS_FLOWS)[number];

export interface CreateIntentRequest {
  /** Major units as CBTIS writes them (lib/cbtis/amount.ts). */
  amount: string;
  currency: string;
  merchant_order_id: string;
  description: string;
  notify_url?: string;
  payment_method: { type: "alipayhk"; alipayhk: { flow: CbtisFlow; payment_method: CbtisWallet } };
}

export type QueryIntentRequest = { order_id: string; merchant_order_id?: string } | { merchant_order_id: string };

export interface RequestProblem {
  field: string;
  message: string;
}

const VISIBLE = /^[\x21-\x7e]+$/;
export const MAX_MERCHANT_ORDER_ID = 32;
/** The seed sets no limit on `description`; the shop keeps it to what a wallet shows in one line. */
export const MAX_DESCRIPTION = 128;

/** An http(s) address that parses: a URL the gateway could not read would leave its webhooks nowhere to go. */
function isWebUrl(text: string): boolean {
  return !/\s/.test(text) && URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}

/** Everything seed 003's table requires of a create request, checked before anything is sent. */
export function checkCreateRequest(request: CreateIntentRequest): RequestProblem[] {
  const problems: RequestProblem[] = [];
  const digits = decimalsOf(request.currency);
  if (digits === null) problems.push({ field: "currency", message: `CBTIS takes HKD only, not ${request.currency}` });
  else {
    const pattern = digits === 0 ? /^[1-9]\d{0,11}$/ : new RegExp(`^\\d{1,12}(\\.\\d{1,${digits}})?$`);
    if (!pattern.test(request.amount) || Number(request.amount) <= 0)
      problems.push({ field: "amount", message: "amount must be a positive decimal in the currency's major unit" });
  }
  const id = request.merchant_order_id;
  if (!id || id.length > MAX_MERCHANT_ORDER_ID || !VISIBLE.test(id))
    problems.push({
      field: "merchant_order_id",
      message: "merchant_order_id must be 1 to 32 visible ASCII characters",
    });
  if (!request.description.trim() || request.description.length > MAX_DESCRIPTION)
    problems.push({ field: "description", message: `description is required, at most ${MAX_DESCRIPTION} characters` });
  if (request.notify_url !== undefined && !isWebUrl(request.notify_url))
    problems.push({ field: "notify_url", message: "notify_url must be an http(s) URL" });
  const method = request.payment_method;
  if (
    method.type !== "alipayhk" ||
    !(CBTIS_FLOWS as readonly string[]).includes(method.alipayhk.flow) ||
    !(CBTIS_WALLETS as readonly string[]).includes(method.alipayhk.payment_method)
  )
    problems.push({ field: "payment_method", message: "payment_method must be alipayhk with a known flow and wallet" });
  return problems;
}

export function checkQueryRequest(request: QueryIntentRequest): RequestProblem[] {
  const ids = ["order_id" in request ? request.order_id : undefined, request.merchant_order_id];
  if (ids.every((id) => id === undefined))
    return [{ field: "order_id", message: "order_id or merchant_order_id is required" }];
  return ids.some((id) => id !== undefined && (!id || id.length > 64 || !VISIBLE.test(id)))
    ? [{ field: "order_id", message: "order ids are visible ASCII characters" }]
    : [];
}
