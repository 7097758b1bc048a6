import NextLink from "next/link";
import { useLocale } from "next-intl";
import type { ComponentProps } from "react";
import { localizedPath } from "./localized-path";
import type { Locale } from "./routing";

/**
 * A link to a shop path in the page's language: Next's Link (client-side navigation, prefetch) with the
 * locale prefix added. Usable from server and client components alike.
 */
export function Link({ href, ...props }: Omit<ComponentProps<typeof NextLink>, "href"> & { href: string }) {
  const locale = useLocale() as Locale;
  return <NextLink href={localizedPath(href, locale)} {...props} />;
}
