import { providerName } from "@/lib/provider-name";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { languageAlternates } from "@/app/_components/language-alternates";
import { Link } from "@/i18n/link";
import type { Locale } from "@/i18n/routing";
import { SHOP } from "@/lib/shop-details";
import { PolicyContact } from "../policy-contact";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("policies.terms");
  const shop = (await getTranslations("layout"))("shopName");
  return {
    title: t("title"),
    description: t("description", { shop }),
    alternates: languageAlternates((await params).locale, "/policies/terms"),
  };
}

// Starter terms, written for the merchant to adapt (and to have checked) before trading (README, "Make it your shop").
export default async function TermsPage() {
  const t = await getTranslations("policies.terms");
  const policies = await getTranslations("policies");
  const footer = await getTranslations("footer");
  return (
    <main className="page narrow policy" id="main">
      <h1>{t("title")}</h1>
      <p>
        {t("intro", {
          legalName: policies("legalName"),
          registration: SHOP.businessRegistration,
          address: footer("contactAddress"),
        })}
      </p>

      <h2>{t("pricesTitle")}</h2>
      <p>{t("prices")}</p>

      <h2>{t("paymentTitle")}</h2>
      <p>{t("payment", { provider: providerName() })}</p>

      <h2>{t("stockTitle")}</h2>
      <p>{t("stock")}</p>

      <h2>{t("deliveryTitle")}</h2>
      <p>{t("delivery")}</p>

      <h2>{t("returnsTitle")}</h2>
      <p>{t.rich("returns", { link: (chunks) => <Link href="/policies/refunds">{chunks}</Link> })}</p>

      <h2>{t("informationTitle")}</h2>
      <p>{t.rich("information", { link: (chunks) => <Link href="/policies/privacy">{chunks}</Link> })}</p>

      <h2>{t("lawTitle")}</h2>
      <p>{t("law")}</p>

      <h2>{t("contactTitle")}</h2>
      <PolicyContact />
    </main>
  );
}
