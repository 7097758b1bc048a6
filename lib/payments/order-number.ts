/** The characters of an order number (shop_order_number() in migration 0009): none that reads as another. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const TYPED = new RegExp(`^(?:HT)?([${ALPHABET}]{4})([${ALPHABET}]{4})$`);

/**
 * An order number as a person may type or paste it ("ht 7k3m 9q2p", "7K3M9Q2P", "HT-7K3M-9Q2P") in the
 * form it is stored in; null when it cannot be one.
 */
export function readOrderNumber(text: string): string | null {
  const match = TYPED.exec(text.toUpperCase().replace(/[\s-]/g, ""));
  return match ? `HT-${match[1]}-${match[2]}` : null;
}
