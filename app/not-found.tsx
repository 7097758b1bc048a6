import type { Metadata } from "next";
import { routing } from "@/i18n/routing";
import { NotFoundContent } from "./_components/not-found-content";
import { SiteDocument } from "./_components/site-document";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/** A 404 outside the locales (the root layout draws no document, so this one draws its own), in English. */
export default function NotFound() {
  return (
    <SiteDocument locale={routing.defaultLocale}>
      <NotFoundContent />
    </SiteDocument>
  );
}
