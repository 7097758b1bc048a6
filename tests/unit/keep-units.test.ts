import { describe, expect, it } from "vitest";
import { keepUnits } from "../../lib/catalog/keep-units";
import { PRODUCTS } from "../../lib/catalog/products";

describe("keepUnits", () => {
  it("joins a number to its unit with a no-break space", () => {
    expect(keepUnits("Tieguanyin Oolong, 100 g")).toBe("Tieguanyin Oolong, 100\u00a0g");
    expect(keepUnits("Porcelain Gaiwan, 120 ml")).toBe("Porcelain Gaiwan, 120\u00a0ml");
    expect(keepUnits("HK$188.00 / 100 g")).toBe("HK$188.00 / 100\u00a0g");
  });

  it("leaves words that only begin like a unit, and text without units, alone", () => {
    expect(keepUnits("Celadon Cups, set of four")).toBe("Celadon Cups, set of four");
    expect(keepUnits("2 glasses")).toBe("2 glasses");
    expect(keepUnits("Aged Pu'er Cake, 357 g")).toBe("Aged Pu'er Cake, 357\u00a0g");
  });

  it("leaves no breakable space before a unit in any product's name", () => {
    for (const product of PRODUCTS) expect(keepUnits(product.name)).not.toMatch(/\d (g|ml)\b/);
  });
});
