import type { ReactNode } from "react";
import { routing } from "@/i18n/routing";
import { SiteDocument } from "../_components/site-document";

/**
 * The sandbox keeps its addresses (pay_url, the API and control endpoints QFPay's stand-in answers on), so
 * it sits outside the locales with its own document, in the shop's default language.
 */
export default function SandboxLayout({ children }: { children: ReactNode }) {
  return <SiteDocument locale={routing.defaultLocale}>{children}</SiteDocument>;
}
