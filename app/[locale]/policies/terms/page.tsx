import { providerName } from "@/lib/provider-name";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/link";
import { SHOP } from "@/lib/shop-details";
import { PolicyPage, policyMetadata } from "../policy-page";

export const generateMetadata = policyMetadata("terms");

// Starter terms, written for the merchant to adapt (and to have checked) before trading (README, "Make it your shop").
export default async function TermsPage() {
  const t = await getTranslations("policies.terms");
  const policies = await getTranslations("policies");
  const footer = await getTranslations("footer");
  return (
    <PolicyPage policy="terms">
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
    </PolicyPage>
  );
}
