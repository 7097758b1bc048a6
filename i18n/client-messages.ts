import type { AbstractIntlMessages } from "next-intl";

/**
 * The message namespaces a client component reads (useTranslations in a 'use client' file): only these
 * travel to the browser, so a page does not carry every sentence of the shop in its JavaScript.
 * tests/unit/messages.test.ts checks the list against the client components.
 */
export const CLIENT_NAMESPACES = ["cart", "checkout", "error", "header", "orderStatus", "product"] as const;

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace] ?? {}]));
}
