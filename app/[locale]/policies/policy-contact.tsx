import { SHOP } from "@/lib/shop-details";

/** How to reach the shop, as every policy ends. */
export function PolicyContact() {
  return (
    <p>
      {SHOP.legalName}, {SHOP.address.join(", ")}. Email <a href={`mailto:${SHOP.email}`}>{SHOP.email}</a> or call{" "}
      <a href={`tel:${SHOP.phone.replaceAll(" ", "")}`} className="nowrap">
        {SHOP.phone}
      </a>{" "}
      ({SHOP.hours}).
    </p>
  );
}
