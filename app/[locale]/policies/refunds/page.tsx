import { providerName } from "@/lib/provider-name";
import { getTranslations } from "next-intl/server";
import { SHOP } from "@/lib/shop-details";
import { PolicyPage, policyMetadata } from "../policy-page";

export const generateMetadata = policyMetadata("refunds");

// A starter policy, written for the merchant to adapt to the shop's own practice (README, "Make it your shop").
export default async function RefundPolicyPage() {
  const t = await getTranslations("policies.refunds");
  const shop = (await getTranslations("layout"))("shopName");
  const days = SHOP.returnDays;
  return (
    <PolicyPage policy="refunds" closing={<p>{t("rights")}</p>}>
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
    </PolicyPage>
  );
}
