import Link from "next/link";
import { readCart } from "@/lib/cart/current-cart";
import { cartCount } from "@/lib/cart/cart-lines";

export async function SiteHeader() {
  const { lines } = await readCart();
  const count = cartCount(lines);
  return (
    <header className="site-header">
      <Link href="/" className="site-name">
        Harbour Tea &amp; Goods
      </Link>
      <nav aria-label="Main">
        <Link href="/" className="nav-link">
          Shop
        </Link>
        <Link href="/orders" className="nav-link">
          Your orders
        </Link>
        <Link href="/cart" className="nav-link cart-link" aria-label={`Cart, ${count} item${count === 1 ? "" : "s"}`}>
          Cart{" "}
          <span className="cart-count" aria-hidden="true">
            {count}
          </span>
        </Link>
      </nav>
    </header>
  );
}
