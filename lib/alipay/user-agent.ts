/** The Alipay app's own browser: its user agent carries `AlipayClient` (AlipayHK's too, as `AlipayClientHK`). */
export function isAlipayApp(userAgent: string): boolean {
  return /AlipayClient/.test(userAgent);
}
