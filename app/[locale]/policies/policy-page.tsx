import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { languageAlternates } from "@/app/_components/language-alternates";
import type { Locale } from "@/i18n/routing";
import { PolicyContact } from "./policy-contact";

/** The shop's policies, each a page at /policies/<name>, and the namespace of its messages. */
const POLICY_MESSAGES = { privacy: "policies.privacy", refunds: "policies.refunds", terms: "policies.terms" } as const;
export type PolicyName = keyof typeof POLICY_MESSAGES;

type Props = { params: Promise<{ locale: Locale }> };

/** A policy page's title, description and language alternates, from its messages. */
export function policyMetadata(policy: PolicyName) {
  return async function generateMetadata({ params }: Props): Promise<Metadata> {
    const t = await getTranslations(POLICY_MESSAGES[policy]);
    const shop = (await getTranslations("layout"))("shopName");
    return {
      title: t("title"),
      description: t("description", { shop }),
      alternates: languageAlternates((await params).locale, `/policies/${policy}`),
    };
  };
}

/**
 * What every policy holds around its own sections: its title as the page's heading, and at the end how to
 * reach the shop (then `closing`, a last word some policies add after it).
 */
export async function PolicyPage({
  policy,
  children,
  closing,
}: {
  policy: PolicyName;
  children: ReactNode;
  closing?: ReactNode;
}) {
  const t = await getTranslations(POLICY_MESSAGES[policy]);
  return (
    <main className="page narrow policy" id="main">
      <h1>{t("title")}</h1>
      {children}
      <h2>{t("contactTitle")}</h2>
      <PolicyContact />
      {closing}
    </main>
  );
}
