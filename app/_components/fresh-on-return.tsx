"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// When the browser last went back or forward: the router then shows the page as it was cached.
let traversedAt = -Infinity;
if (typeof window !== "undefined") {
  window.addEventListener("popstate", () => {
    traversedAt = performance.now();
  });
}

/**
 * Reads the page again when the shopper comes back to it with Back (from the wallet's cashier above all):
 * the router and the browser's back-forward cache both restore it as it was, which on the cart and the
 * checkout would hide the order placed since. A page reached any other way is fresh already.
 */
export function FreshOnReturn() {
  const router = useRouter();
  useEffect(() => {
    if (performance.now() - traversedAt < 2_000) router.refresh();
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) router.refresh();
    };
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, [router]);
  return null;
}
