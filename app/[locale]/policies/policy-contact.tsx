import { getTranslations } from "next-intl/server";
import { SHOP } from "@/lib/shop-details";

/** How to reach the shop, as every policy ends. */
export async function PolicyContact() {
  const t = await getTranslations("policies");
  const footer = await getTranslations("footer");
  return (
    <p>
      {t.rich("contact", {
        legalName: t("legalName"),
        address: footer("contactAddress"),
        hours: footer("hours"),
        email: SHOP.email,
        phone: SHOP.phone,
        mail: (chunks) => <a href={`mailto:${SHOP.email}`}>{chunks}</a>,
        call: (chunks) => (
          <a href={`tel:${SHOP.phone.replaceAll(" ", "")}`} className="nowrap">
            {chunks}
          </a>
        ),
      })}
    </p>
  );
}
