import { providerName } from "@/lib/provider-name";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/link";
import { SHOP } from "@/lib/shop-details";

/** The shop's details, its policies and who processes payments: what a shopper looks for before paying. */
export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="site-footer">
      <div className="footer-grid">
        <section aria-labelledby="footer-shop">
          <h2 id="footer-shop" className="footer-heading">
            {t("shopName")}
          </h2>
          <p>{t("tagline")}</p>
          <p>{t("processedBy", { provider: providerName() })}</p>
        </section>
        <section aria-labelledby="footer-visit">
          <h2 id="footer-visit" className="footer-heading">
            {t("visitUs")}
          </h2>
          <address>
            <span className="footer-line">{t("addressLine1")}</span>
            <span className="footer-line">{t("addressLine2")}</span>
          </address>
          <p>{t("hours")}</p>
        </section>
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact" className="footer-heading">
            {t("contact")}
          </h2>
          <p>
            <a href={`tel:${SHOP.phone.replaceAll(" ", "")}`} className="nowrap">
              {SHOP.phone}
            </a>
            <br />
            <a href={`mailto:${SHOP.email}`}>{SHOP.email}</a>
          </p>
        </section>
        <nav aria-labelledby="footer-policies">
          <h2 id="footer-policies" className="footer-heading">
            {t("policies")}
          </h2>
          <ul className="footer-links">
            <li>
              <Link href="/policies/refunds">{t("refunds")}</Link>
            </li>
            <li>
              <Link href="/policies/terms">{t("terms")}</Link>
            </li>
            <li>
              <Link href="/policies/privacy">{t("privacy")}</Link>
            </li>
          </ul>
        </nav>
      </div>
      <p className="footer-legal">{t("legal", { registration: SHOP.businessRegistration })}</p>
    </footer>
  );
}
