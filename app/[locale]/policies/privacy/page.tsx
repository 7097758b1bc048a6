import { getTranslations } from "next-intl/server";
import { providerName } from "@/lib/provider-name";
import { SHOP } from "@/lib/shop-details";
import { PolicyPage, policyMetadata } from "../policy-page";

export const generateMetadata = policyMetadata("privacy");

// A starter privacy statement that describes what this code base does; keep it true as the shop changes.
export default async function PrivacyPage() {
  const t = await getTranslations("policies.privacy");
  const legalName = (await getTranslations("policies"))("legalName");
  // The processor the shop is configured with (QFPay or CBTIS): the statement names who really sees the data.
  const provider = providerName();
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <PolicyPage policy="privacy">
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
    </PolicyPage>
  );
}
