import type { Locale } from "@/i18n/routing";

/**
 * The root error page's words, a copy of the "globalError" section of messages/*.json (tests/unit/messages.test.ts
 * holds them equal: translate there, then copy here). A copy because the page has no next-intl, and importing
 * the message files into it would put all three, every page's words, in the JavaScript every page loads
 * (the bundler keeps a JSON file whole, whatever part of it is read).
 */
export const GLOBAL_ERROR_WORDS: Record<
  Locale,
  Record<"title" | "body" | "reference" | "tryAgain" | "backToShop", string>
> = {
  en: {
    title: "Something went wrong",
    body: "The shop could not be shown just now. Try again in a moment.",
    reference: "Reference: {digest}",
    tryAgain: "Try again",
    backToShop: "Back to the shop",
  },
  "zh-HK": {
    title: "出現問題",
    body: "暫時未能顯示本店網頁，請稍後再試。",
    reference: "參考編號：{digest}",
    tryAgain: "再試一次",
    backToShop: "返回商店",
  },
  "zh-CN": {
    title: "出错了",
    body: "暂时无法显示本店页面，请稍后重试。",
    reference: "参考编号：{digest}",
    tryAgain: "重试",
    backToShop: "返回商城",
  },
};
