import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/**
 * Every 404 of the shop: an unknown path, a product no longer sold, an order this browser may not see
 * (which says nothing of whether it exists). Always a way back.
 */
export default function NotFound() {
  return (
    <main className="page narrow" id="main">
      <h1>Page not found</h1>
      <p>
        There is nothing here. If you are looking for an order of yours, open it from the link in its receipt email, or
        from <Link href="/orders">Your orders</Link> in the browser you paid it in.
      </p>
      <p className="page-links">
        <Link href="/" className="button button-primary">
          Back to the shop
        </Link>{" "}
        <Link href="/cart" className="button button-quiet">
          Your cart
        </Link>
      </p>
    </main>
  );
}
