import type { AbstractIntlMessages } from "next-intl";

/**
 * The message namespaces a client component reads (useTranslations in a 'use client' file): only these
 * travel to the browser, so a page does not carry every sentence of the shop in its JavaScript.
 * tests/unit/messages.test.ts checks the list against the client components.
 */
export const CLIENT_NAMESPACES = ["cart", "checkout", "error", "header", "orderStatus", "product"] as const;

/** What the admin's client components (its forms, the reconcile button) read besides: only its pages send it. */
export const ADMIN_CLIENT_NAMESPACES = ["admin"] as const;

/**
 * What the order page reads besides when it pays in the Alipay app's own cashier (AlipayJSBridge), and, in
 * sandbox mode, what the sandbox's stand-in for that bridge reads: only such a page sends them.
 */
export const ALIPAY_APP_CLIENT_NAMESPACES = ["alipayApp"] as const;
export const SANDBOX_ALIPAY_CLIENT_NAMESPACES = ["sandboxAlipay"] as const;

export function clientMessages(messages: AbstractIntlMessages, more: readonly string[] = []): AbstractIntlMessages {
  return Object.fromEntries([...CLIENT_NAMESPACES, ...more].map((namespace) => [namespace, messages[namespace] ?? {}]));
}
