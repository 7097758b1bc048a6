import { describe, expect, it } from "vitest";
import { fromCbtisAmount, toCbtisAmount } from "@/lib/cbtis/amount";

describe("CBTIS amounts are decimal HKD, the shop's are minor units", () => {
  it.each([
    [1999, "19.99"],
    [1900, "19.00"],
    [5, "0.05"],
    [100, "1.00"],
    [123456789, "1234567.89"],
  ])("%i minor units are sent as %s", (minor, text) => {
    expect(toCbtisAmount(minor, "HKD")).toBe(text);
    expect(fromCbtisAmount(text, "HKD")).toBe(minor);
  });

  it("reads the forms CBTIS may write: the seed's bare '1', one decimal, a JSON number", () => {
    expect(fromCbtisAmount("1", "HKD")).toBe(100);
    expect(fromCbtisAmount("19.9", "HKD")).toBe(1990);
    expect(fromCbtisAmount(19.99, "HKD")).toBe(1999);
  });

  it("refuses what is not an HKD amount rather than guess", () => {
    expect(toCbtisAmount(1999, "TWD")).toBeNull();
    expect(toCbtisAmount(19.5, "HKD")).toBeNull();
    expect(toCbtisAmount(-1, "HKD")).toBeNull();
    expect(fromCbtisAmount("50", "TWD")).toBeNull();
    for (const bad of ["19.999", "-1", "1e3", "", " ", "19,99", "0x10"]) expect(fromCbtisAmount(bad, "HKD")).toBeNull();
  });
});
