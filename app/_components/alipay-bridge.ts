/**
 * The part of `AlipayJSBridge` (the script the Alipay app puts in every page it shows) the shop uses:
 * `call("tradePay", { tradeNO }, callback)`, available once `AlipayJSBridgeReady` has fired on the document.
 */
export interface TradePayResult {
  /** 9000 paid, 8000 processing, 4000 failed, 6001 cancelled by the shopper, 6002 network: hints only. */
  resultCode?: string;
}

export interface AlipayBridge {
  call(name: string, params: { tradeNO?: string } | undefined, callback?: (result: TradePayResult) => void): void;
}

declare global {
  interface Window {
    AlipayJSBridge?: AlipayBridge;
  }
}
