import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing } from "./routing";

/** The messages and formats of the request's locale; outside the locales (the sandbox, a 404 of its own) English. */
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    // The shop and its orders live in Hong Kong: a time is Hong Kong time whatever the server's zone.
    timeZone: "Asia/Hong_Kong",
  };
});
