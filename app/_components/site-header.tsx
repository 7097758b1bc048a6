import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/link";
import { readCart } from "@/lib/cart/current-cart";
import { cartCount } from "@/lib/cart/cart-lines";
import { LocaleSwitcher } from "./locale-switcher";

export async function SiteHeader() {
  const { lines } = await readCart();
  const count = cartCount(lines);
  const t = await getTranslations("header");
  return (
    <header className="site-header">
      <Link href="/" className="site-name">
        {t("shopName")}
      </Link>
      <nav aria-label={t("main")}>
        <Link href="/" className="nav-link">
          {t("shop")}
        </Link>
        <Link href="/orders" className="nav-link">
          {t("yourOrders")}
        </Link>
        <Link href="/cart" className="nav-link cart-link" aria-label={t("cartLabel", { count })}>
          {t("cart")}{" "}
          <span className="cart-count" aria-hidden="true">
            {count}
          </span>
        </Link>
      </nav>
      <LocaleSwitcher />
    </header>
  );
}
