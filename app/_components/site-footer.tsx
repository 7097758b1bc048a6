import Link from "next/link";
import { SHOP } from "@/lib/shop-details";

/** The shop's details, its policies and who processes payments: what a shopper looks for before paying. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="footer-grid">
        <section aria-labelledby="footer-shop">
          <h2 id="footer-shop" className="footer-heading">
            {SHOP.name}
          </h2>
          <p>{SHOP.tagline}.</p>
          <p>Payments are processed by QFPay with AlipayHK and Alipay. Prices include all charges.</p>
        </section>
        <section aria-labelledby="footer-visit">
          <h2 id="footer-visit" className="footer-heading">
            Visit us
          </h2>
          <address>
            {SHOP.address.map((line) => (
              <span key={line} className="footer-line">
                {line}
              </span>
            ))}
          </address>
          <p>{SHOP.hours}</p>
        </section>
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact" className="footer-heading">
            Contact
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
            Policies
          </h2>
          <ul className="footer-links">
            <li>
              <Link href="/policies/refunds">Refunds and returns</Link>
            </li>
            <li>
              <Link href="/policies/terms">Terms of sale</Link>
            </li>
            <li>
              <Link href="/policies/privacy">Privacy</Link>
            </li>
          </ul>
        </nav>
      </div>
      <p className="footer-legal">
        © {SHOP.legalName} · Business Registration No. {SHOP.businessRegistration}
      </p>
    </footer>
  );
}
