/**
 * The sandbox's Alipay trade number for a payment: 28 digits as Alipay's are, made of the QFPay-shaped
 * syssn (26 digits: its date, then 18) with "22" after the date, so the stand-in cashier finds the
 * payment again from the tradeNO alone, as Alipay's cashier does. Pure, so the browser's stand-in may use it.
 */
export function tradeNoOf(syssn: string): string {
  return `${syssn.slice(0, 8)}22${syssn.slice(8)}`;
}

export function syssnOfTradeNo(tradeNo: string): string | null {
  if (!/^\d{8}22\d{18}$/.test(tradeNo)) return null;
  return tradeNo.slice(0, 8) + tradeNo.slice(10);
}
