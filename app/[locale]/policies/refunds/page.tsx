import { providerName } from "@/lib/provider-name";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { languageAlternates } from "@/app/_components/language-alternates";
import type { Locale } from "@/i18n/routing";
import { SHOP } from "@/lib/shop-details";
import { PolicyContact } from "../policy-contact";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("policies.refunds");
  const shop = (await getTranslations("layout"))("shopName");
  return {
    title: t("title"),
    description: t("description", { shop }),
    alternates: languageAlternates((await params).locale, "/policies/refunds"),
  };
}

// A starter policy, written for the merchant to adapt to the shop's own practice (README, "Make it your shop").
export default async function RefundPolicyPage() {
  const t = await getTranslations("policies.refunds");
  const shop = (await getTranslations("layout"))("shopName");
  const days = SHOP.returnDays;
  return (
    <main className="page narrow policy" id="main">
      <h1>{t("title")}</h1>
      <p>{t("intro", { shop })}</p>

      <h2>{t("returnsTitle")}</h2>
      <ul>
        <li>{t("returns1", { days })}</li>
        <li>{t("returns2")}</li>
        <li>{t("returns3")}</li>
      </ul>

      <h2>{t("damagedTitle")}</h2>
      <p>{t("damaged", { days })}</p>

      <h2>{t("howTitle")}</h2>
      <p>{t("how", { provider: providerName() })}</p>

      <h2>{t("cancelTitle")}</h2>
      <p>{t("cancel")}</p>

      <h2>{t("contactTitle")}</h2>
      <PolicyContact />
      <p>{t("rights")}</p>
    </main>
  );
}
