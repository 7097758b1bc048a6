import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { ALIPAY_APP_CLIENT_NAMESPACES, SANDBOX_ALIPAY_CLIENT_NAMESPACES, clientMessages } from "@/i18n/client-messages";

/**
 * The words of the Alipay app's cashier (and, in sandbox mode, of the sandbox's stand-in bridge) for the
 * client components inside: only a page paying in the Alipay app carries them, not every page of the shop.
 */
export async function AlipayAppMessages({ sandbox, children }: { sandbox: boolean; children: ReactNode }) {
  const namespaces = sandbox
    ? [...ALIPAY_APP_CLIENT_NAMESPACES, ...SANDBOX_ALIPAY_CLIENT_NAMESPACES]
    : ALIPAY_APP_CLIENT_NAMESPACES;
  return (
    <NextIntlClientProvider messages={clientMessages(await getMessages(), namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
