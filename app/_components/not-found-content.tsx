import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/link";

/**
 * Every 404 of the shop: an unknown path, a product no longer sold, an order this browser may not see
 * (which says nothing of whether it exists). Always a way back.
 */
export async function NotFoundContent() {
  const t = await getTranslations("notFound");
  return (
    <main className="page narrow" id="main">
      <h1>{t("title")}</h1>
      <p>{t.rich("body", { orders: (chunks) => <Link href="/orders">{chunks}</Link> })}</p>
      <p className="page-links">
        <Link href="/" className="button button-primary">
          {t("backToShop")}
        </Link>{" "}
        <Link href="/cart" className="button button-quiet">
          {t("yourCart")}
        </Link>
      </p>
    </main>
  );
}
