import type { ReactNode } from "react";
import { SiteDocument } from "../_components/site-document";
import { sandboxLocale } from "./sandbox-locale";

/**
 * The sandbox keeps its addresses (pay_url, the API and control endpoints QFPay's stand-in answers on), so
 * it sits outside the locales with its own document, in the language the shopper's browser or choice asks for.
 */
export default async function SandboxLayout({ children }: { children: ReactNode }) {
  return <SiteDocument locale={await sandboxLocale()}>{children}</SiteDocument>;
}
