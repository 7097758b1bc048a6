import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/** Compares in constant time, whatever the lengths: both sides are hashed to the same size first. */
export function passwordMatches(given: string, expected: string, key: string): boolean {
  const a = createHmac("sha256", key).update(given).digest();
  const b = createHmac("sha256", key).update(expected).digest();
  return timingSafeEqual(a, b);
}
