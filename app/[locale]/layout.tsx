import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { configurationProblem, getConfig } from "@/lib/env";
import { SiteDocument } from "../_components/site-document";

type Props = { params: Promise<{ locale: string }> };

// Open Graph names a territory with the language: each locale is the shop's Hong Kong or mainland voice.
const OG_LOCALE = { en: "en_HK", "zh-HK": "zh_HK", "zh-CN": "zh_CN" } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "layout" });
  // Share images and canonical links need absolute URLs: the running shop's own origin, not the build's.
  await connection();
  return {
    metadataBase: configurationProblem() ? undefined : new URL(getConfig().siteUrl),
    title: { default: t("shopName"), template: `%s · ${t("shopName")}` },
    description: t("description"),
    openGraph: { siteName: t("shopName"), type: "website", locale: OG_LOCALE[locale] },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b6e4f" };

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export default async function LocaleLayout({ children, params }: Props & { children: ReactNode }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return <SiteDocument locale={locale}>{children}</SiteDocument>;
}
