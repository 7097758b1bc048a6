import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { ADMIN_CLIENT_NAMESPACES, clientMessages } from "@/i18n/client-messages";

/** The admin's pages: their client components read the admin's messages, which no shopper's page carries. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider messages={clientMessages(await getMessages(), ADMIN_CLIENT_NAMESPACES)}>
      {children}
    </NextIntlClientProvider>
  );
}
