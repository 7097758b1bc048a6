"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// When the browser last went back or forward: the router then shows the page as it was cached.
let traversedAt = -Infinity;
if (typeof window !== "undefined") {
  // Capture: before the router's own listener, which may render the restored page at once.
  window.addEventListener(
    "popstate",
    () => {
      traversedAt = performance.now();
    },
    { capture: true },
  );
}

/**
 * Reads the page again when the shopper comes back to it with Back (from the wallet's cashier above all):
 * the router and the browser's back-forward cache both restore it as it was, which on the cart and the
 * checkout would hide the order placed since. A page reached any other way is fresh already.
 */
export function FreshOnReturn() {
  const router = useRouter();
  useEffect(() => {
    // After the event's other listeners: the page may be shown before the traversal is recorded.
    const check = setTimeout(() => {
      if (performance.now() - traversedAt < 2_000) router.refresh();
    }, 0);
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) router.refresh();
    };
    window.addEventListener("pageshow", onPageShow);
    return () => {
      clearTimeout(check);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, [router]);
  return null;
}
