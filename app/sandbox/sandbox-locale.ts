import { cookies, headers } from "next/headers";
import { setRequestLocale } from "next-intl/server";
import { negotiateLocale } from "@/i18n/negotiate";
import type { Locale } from "@/i18n/routing";

/**
 * The sandbox's pages keep one address in every language (pay_url is the gateway's), so their language is
 * negotiated from the request and set for next-intl, by the layout and by each page alike.
 */
export async function sandboxLocale(): Promise<Locale> {
  const locale = negotiateLocale((await cookies()).get("NEXT_LOCALE")?.value, (await headers()).get("accept-language"));
  setRequestLocale(locale);
  return locale;
}
