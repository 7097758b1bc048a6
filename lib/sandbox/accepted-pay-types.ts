/**
 * The pay types the sandbox's app code is enabled for: the Alipay online ones of seeds 000-002. Any
 * other code, listed by QFPay (seed 004) or not, is a parameter error here, as it is at QFPay for
 * credentials not enabled for it ("Verify that your API credentials allow for the selected pay_type").
 */
export interface AcceptedPayType {
  wallet: "AlipayHK" | "Alipay";
  /** AlipayHK takes HKD only (qfpay-api.md, txcurrcd; seed 000: "Hong Kong users pay in HKD"). */
  hkdOnly: boolean;
  /** Seed 004 note "**" on 801101: "Transaction amount must be greater than 1 HKD". */
  aboveOneHkd: boolean;
  /** return_url is String(512); seed 001: "Alipay WAP restricts the return_url to maximum 200 characters". */
  returnUrlMax: number;
  /** Whether `expired_time` may be sent (see below). */
  takesExpiredTime: boolean;
  /** Seed 002: openid "Required for 800107 only". */
  needsOpenid: boolean;
}

const web = { returnUrlMax: 512, takesExpiredTime: true, needsOpenid: false } as const;
const wap = { returnUrlMax: 200, takesExpiredTime: true, needsOpenid: false } as const;

/**
 * expired_time: seed 004's list names 801101, 801107 and 801512 but not 801514, while seed 000 offers
 * expired_time on the page that covers 801101 and 801514; qfpay-api.md settles it as all four web/WAP
 * types. 800107 is on no list: it takes none. 800107 runs inside the Alipay app and is documented on
 * the WAP/H5 page (seed 002), so the WAP limit of 200 on return_url is read as binding it too.
 */
export const ACCEPTED_PAY_TYPES: Readonly<Record<string, AcceptedPayType>> = {
  "801101": { wallet: "Alipay", hkdOnly: false, aboveOneHkd: true, ...web },
  "801107": { wallet: "Alipay", hkdOnly: false, aboveOneHkd: false, ...wap },
  "801514": { wallet: "AlipayHK", hkdOnly: true, aboveOneHkd: false, ...web },
  "801512": { wallet: "AlipayHK", hkdOnly: true, aboveOneHkd: false, ...wap },
  "800107": {
    wallet: "Alipay",
    hkdOnly: false,
    aboveOneHkd: false,
    returnUrlMax: 200,
    takesExpiredTime: false,
    needsOpenid: true,
  },
};

export function acceptedPayType(code: string): AcceptedPayType | null {
  return Object.hasOwn(ACCEPTED_PAY_TYPES, code) ? ACCEPTED_PAY_TYPES[code]! : null;
}
