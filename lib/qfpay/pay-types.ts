import { z } from "zod";
import type { CurrencyCode } from "./currencies";

/**
 * Every pay type QFPay documents (seed 004), with its description. The ones this shop can take online
 * carry their rules; the rest are listed so a code from the gateway can always be named.
 */
export const PAY_TYPES = {
  "800008": "Consumer Present QR Code Mode (CPM) for WeChat, Alipay, UNIONPAY Quick Pass, PayMe",
  "800101": "Alipay Merchant Presented QR Code Payment in store (MPM) (Overseas Merchants)",
  "800108": "Alipay Consumer Presented QR Code Payment (CPM) (Overseas & HK Merchants)",
  "801101": "Alipay Online WEB (in browser Chrome etc.) Payment (Overseas Merchants)",
  "801107": "Alipay Online WAP (in mobile browser Chrome etc.) Payment (Overseas Merchants)",
  "801110": "Alipay in-APP Payments (Overseas Merchants)",
  "800107": "Alipay Service Window H5 Payment (in Alipay APP H5 payments)",
  "801501": "Alipay Merchant Presented QR Code (MPM) Payment (HK Merchants)",
  "801510": "Alipay In-App Payment (HK Merchants)",
  "801512": "Alipay Online WAP Payment (HK Merchants)",
  "801514": "Alipay Online WEB Payment (HK Merchants)",
  "800201": "WeChat Merchant Presented QR Code Payment (MPM) (Overseas & HK Merchants)",
  "800208": "WeChat Consumer Presented QR Code Payment (CPM) (Overseas & HK Merchants)",
  "800207": "WeChat JSAPI Payment - WeChat Official Account Payment (in Wechat App)(Overseas & HK Merchants)",
  "800212": "WeChat H5 Payment (In mobile browser)",
  "800210": "WeChat in-APP Payment (Overseas & HK Merchants)",
  "800213": "WeChat Mini-Program Payment (Overseas & HK Merchants)",
  "801008": "WeChat Pay HK Consumer Presented QR Code Payment (CPM) (Direct Settlement, HK Merchants)",
  "801010": "WeChat Pay HK In-App Payment (Direct Settlement, HK Merchants)",
  "805801": "PayMe Merchant Presented QR Code Payment in store (MPM) (HK Merchants)",
  "805808": "PayMe Consumer Presented QR Code Payment (CPM) (HK Merchants)",
  "805814": "PayMe Online WEB (in browser Chrome etc.) Payment (HK Merchants)",
  "805812": "PayMe Online WAP (in mobile browser Chrome etc.) Payment (HK Merchants)",
  "800701": "UNIONPAY Quick Pass Merchant Presented QR Code Payment (MPM)",
  "800708": "UNIONPAY Quick Pass Consumer Presented QR Code Payment (CPM)",
  "800712": "UNIONPAY WAP Payment (HK Merchants)",
  "800714": "UNIONPAY PC-Web Payment (HK Merchants)",
  "802001": "FPS Merchant Presented QR Code Payment (MPM) (HK Merchants)",
  "803701": "Octopus dynamic QRC Payment - Merchant Present Mode (MPM) (HK Merchants)",
  "803712": "Octopus WAP Payment (HK Merchants)",
  "803714": "Octopus PC-Web Payment (HK Merchants)",
  "802801": "Visa / Mastercard Online Payments",
  "802808": "Visa / Mastercard Offline Payments",
  "806527": "ApplePay Online Payments",
  "806708": "UnionPay Card Offline Payments",
  "806808": "American Express Card Offline Payments",
} as const;

export type PayTypeCode = keyof typeof PAY_TYPES;

/**
 * 801101 takes only amounts of more than 1 HKD (seed 004). For a store in another currency, each floor
 * below is worth surely more than 1 HKD, about twice or more at today's rates, so that a swing in the
 * exchange rate never lets an amount through that QFPay would refuse. In minor units, exclusive.
 */
export const ABOVE_ONE_HKD: Record<CurrencyCode, number> = {
  HKD: 100, // HK$1.00 itself: "more than 1 HKD"
  USD: 100, // US$1.00, about HK$7.8
  EUR: 100, // €1.00, about HK$8.5
  CAD: 100, // C$1.00, about HK$5.6
  AUD: 100, // A$1.00, about HK$5.1
  SGD: 100, // S$1.00, about HK$5.8
  AED: 100, // 1 dirham, about HK$2.1
  CNY: 200, // ¥2.00, about HK$2.2
  MYR: 200, // RM2.00, about HK$3.5
  THB: 1_000, // ฿10.00, about HK$2.2
  JPY: 50, // ¥50 (no minor unit), about HK$2.6
  IDR: 500_000, // Rp5,000.00, about HK$2.4
  MMK: 200_000, // K2,000.00, about HK$3.7 at the official rate
};

export function isPayTypeCode(value: string): value is PayTypeCode {
  return Object.hasOwn(PAY_TYPES, value);
}

/** The wallets this shop offers, and the devices that decide their flow (a QR code on a computer, a redirect on a phone). */
export const WALLETS = ["alipayhk", "alipay"] as const;
export type Wallet = (typeof WALLETS)[number];
export const walletSchema = z.enum(WALLETS);
export const DEVICES = ["desktop", "mobile"] as const;
export type Device = (typeof DEVICES)[number];
export const deviceSchema = z.enum(DEVICES);
export type Flow = "web" | "wap" | "h5";

export interface OnlinePayType {
  code: OnlinePayTypeCode;
  wallet: Wallet;
  flow: Flow;
  /** Amounts must be strictly above a floor per currency (seed 004: 801101 needs more than 1 HKD); null: none. */
  minimumExclusive: Record<CurrencyCode, number> | null;
  /** AlipayHK settles in HKD only; Alipay cross-border takes the listed currencies. */
  hkdOnly: boolean;
  /** Alipay WAP cuts `return_url` at 200 characters. */
  returnUrlMax: number;
  requiresOpenid: boolean;
}

/** The Alipay online pay types this shop and its sandbox accept. */
export const ONLINE_PAY_TYPES = {
  "801514": {
    code: "801514",
    wallet: "alipayhk",
    flow: "web",
    minimumExclusive: null,
    hkdOnly: true,
    returnUrlMax: 512,
    requiresOpenid: false,
  },
  "801512": {
    code: "801512",
    wallet: "alipayhk",
    flow: "wap",
    minimumExclusive: null,
    hkdOnly: true,
    returnUrlMax: 200,
    requiresOpenid: false,
  },
  "801101": {
    code: "801101",
    wallet: "alipay",
    flow: "web",
    minimumExclusive: ABOVE_ONE_HKD,
    hkdOnly: false,
    returnUrlMax: 512,
    requiresOpenid: false,
  },
  "801107": {
    code: "801107",
    wallet: "alipay",
    flow: "wap",
    minimumExclusive: null,
    hkdOnly: false,
    returnUrlMax: 200,
    requiresOpenid: false,
  },
  "800107": {
    code: "800107",
    wallet: "alipay",
    flow: "h5",
    minimumExclusive: null,
    hkdOnly: false,
    returnUrlMax: 200,
    requiresOpenid: true,
  },
} as const satisfies Record<string, Omit<OnlinePayType, "code"> & { code: string }>;

export type OnlinePayTypeCode = keyof typeof ONLINE_PAY_TYPES;

/** The amount (minor units, exclusive) a pay type needs to exceed in a currency, or null when any will do. */
export function minimumAmountFor(payType: OnlinePayTypeCode, currency: CurrencyCode): number | null {
  return ONLINE_PAY_TYPES[payType].minimumExclusive?.[currency] ?? null;
}

/** Whether a pay type settles in a currency: AlipayHK's take HKD only. */
export function takesCurrency(payType: OnlinePayTypeCode, currency: string): boolean {
  return !ONLINE_PAY_TYPES[payType].hkdOnly || currency === "HKD";
}

/** Why QFPay would refuse this amount in this currency for an online pay type, or null: the one home of the rule. */
export type AmountRefusal = { kind: "currency"; only: "HKD" } | { kind: "minimum"; minimumExclusive: number };

export function amountRefusal(payType: OnlinePayTypeCode, txamt: number, currency: CurrencyCode): AmountRefusal | null {
  if (!takesCurrency(payType, currency)) return { kind: "currency", only: "HKD" };
  const minimum = minimumAmountFor(payType, currency);
  return minimum !== null && txamt <= minimum ? { kind: "minimum", minimumExclusive: minimum } : null;
}

/** Pay types whose `expired_time` QFPay honours (its table, plus 801514 as qfpay-api.md reads seed 000). */
const EXPIRED_TIME_TYPES: ReadonlySet<string> = new Set([
  "800201",
  "800101",
  "801512",
  "801501",
  "801107",
  "801101",
  "801010",
  "801510",
  "801514",
]);

export function takesExpiredTime(payType: string): boolean {
  return EXPIRED_TIME_TYPES.has(payType);
}

export function isOnlinePayType(value: string): value is OnlinePayTypeCode {
  return Object.hasOwn(ONLINE_PAY_TYPES, value);
}

/**
 * The pay type for a wallet on a device: desktop browsers get the QR (web) flow, phones the WAP redirect;
 * inside the Alipay app, a shopper whose Alipay user id (`openid`) the shop holds pays in Alipay's own
 * cashier (800107, Service Window H5).
 */
export function payTypeFor(wallet: Wallet, device: Device, openid?: string): OnlinePayTypeCode {
  if (wallet === "alipay" && openid) return "800107";
  if (wallet === "alipayhk") return device === "desktop" ? "801514" : "801512";
  return device === "desktop" ? "801101" : "801107";
}

export const WALLET_NAMES: Record<Wallet, string> = { alipayhk: "AlipayHK", alipay: "Alipay" };
