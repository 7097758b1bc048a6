import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundContent } from "../_components/not-found-content";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: t("title"), robots: { index: false } };
}

/** A 404 in the shopper's language, inside the locale's own layout. */
export default function NotFound() {
  return <NotFoundContent />;
}
