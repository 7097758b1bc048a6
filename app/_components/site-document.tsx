import { connection } from "next/server";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { clientMessages } from "@/i18n/client-messages";
import type { Locale } from "@/i18n/routing";
import { serverProblem } from "@/lib/web/server-problem";
import { figtree } from "../_fonts/figtree";
import { SandboxBanner } from "./sandbox-banner";
import { ServerProblemNotice } from "./server-problem-notice";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** The page's html and body in its language: the skip link, the sandbox banner, the header and the footer. */
export async function SiteDocument({ locale, children }: { locale: Locale; children: ReactNode }) {
  // Every page depends on the running configuration (sandbox or live), never on the build's.
  await connection();
  const problem = await serverProblem();
  if (problem) {
    return (
      <html lang={locale} className={figtree.variable}>
        <body>
          <ServerProblemNotice problem={problem} />
        </body>
      </html>
    );
  }
  const [t, messages] = await Promise.all([getTranslations({ locale, namespace: "layout" }), getMessages({ locale })]);
  return (
    <html lang={locale} className={figtree.variable}>
      <body>
        {/* The messages the client components read (the switcher, the forms, the live status), and no more. */}
        <NextIntlClientProvider messages={clientMessages(messages)}>
          <a href="#main" className="skip-link">
            {t("skipToContent")}
          </a>
          <SandboxBanner />
          <SiteHeader />
          {children}
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
