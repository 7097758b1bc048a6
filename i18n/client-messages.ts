import type { AbstractIntlMessages } from "next-intl";

/**
 * The message namespaces a client component reads (useTranslations in a 'use client' file): only these
 * travel to the browser, so a page does not carry every sentence of the shop in its JavaScript.
 * tests/unit/messages.test.ts checks the list against the client components.
 */
export const CLIENT_NAMESPACES = [
  "alipayApp",
  "cart",
  "checkout",
  "error",
  "header",
  "orderStatus",
  "product",
  "sandboxAlipay",
] as const;

/** What the admin's client components (its forms, the reconcile button) read besides: only its pages send it. */
export const ADMIN_CLIENT_NAMESPACES = ["admin"] as const;

export function clientMessages(messages: AbstractIntlMessages, more: readonly string[] = []): AbstractIntlMessages {
  return Object.fromEntries([...CLIENT_NAMESPACES, ...more].map((namespace) => [namespace, messages[namespace] ?? {}]));
}
