import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { languageAlternates } from "@/app/_components/language-alternates";
import type { Locale } from "@/i18n/routing";
import { providerName } from "@/lib/provider-name";
import { SHOP } from "@/lib/shop-details";
import { PolicyContact } from "../policy-contact";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("policies.privacy");
  const shop = (await getTranslations("layout"))("shopName");
  return {
    title: t("title"),
    description: t("description", { shop }),
    alternates: languageAlternates((await params).locale, "/policies/privacy"),
  };
}

// A starter privacy statement that describes what this code base does; keep it true as the shop changes.
export default async function PrivacyPage() {
  const t = await getTranslations("policies.privacy");
  const legalName = (await getTranslations("policies"))("legalName");
  // The processor the shop is configured with (QFPay or CBTIS): the statement names who really sees the data.
  const provider = providerName();
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <main className="page narrow policy" id="main">
      <h1>{t("title")}</h1>
      <p>{t("intro", { legalName })}</p>

      <h2>{t("collectTitle")}</h2>
      <ul>
        <li>{t.rich("collectEmail", { strong })}</li>
        <li>{t.rich("collectOrder", { strong, provider })}</li>
        <li>{t.rich("collectAddress", { strong })}</li>
      </ul>

      <h2>{t("paymentsTitle")}</h2>
      <p>{t("payments", { provider })}</p>

      <h2>{t("cookiesTitle")}</h2>
      <p>{t("cookies")}</p>

      <h2>{t("sharingTitle")}</h2>
      <p>{t("sharing", { provider })}</p>

      <h2>{t("keepingTitle")}</h2>
      <p>{t("keeping")}</p>

      <h2>{t("rightsTitle")}</h2>
      <p>{t.rich("rights", { email: SHOP.email, mail: (chunks) => <a href={`mailto:${SHOP.email}`}>{chunks}</a> })}</p>

      <h2>{t("contactTitle")}</h2>
      <PolicyContact />
    </main>
  );
}
