import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { canonicalString, compactParams, signParams } from "@/lib/qfpay/sign";

interface Vectors {
  client_key: string;
  requests: { params: Record<string, string>; md5: string; sha256: string }[];
}

const vectors = JSON.parse(
  readFileSync(new URL("../fixtures/qfpay-sign-vectors.json", import.meta.url), "utf8"),
) as Vectors;

describe("request signing", () => {
  it.each(vectors.requests.map((v, i) => [i, v] as const))(
    "vector %i signs as the seeds' Python does",
    (_i, vector) => {
      expect(signParams(vector.params, vectors.client_key, "MD5")).toBe(vector.md5);
      expect(signParams(vector.params, vectors.client_key, "SHA256")).toBe(vector.sha256);
    },
  );

  it("sorts names in ASCII order, not locale order", () => {
    expect(canonicalString({ b: "1", B: "2", a_b: "3", ab: "4" })).toBe("B=2&a_b=3&ab=4&b=1");
  });

  it("leaves out empty parameters so what is sent is what is signed", () => {
    const params = compactParams({ txamt: 300, goods_name: "", mchid: undefined, udid: null, pay_type: "801514" });
    expect(params).toEqual({ txamt: "300", pay_type: "801514" });
  });

  it("changes when any value or the key changes", () => {
    const base = vectors.requests[0]!;
    const tampered = { ...base.params, txamt: "301" };
    expect(signParams(tampered, vectors.client_key)).not.toBe(base.md5);
    expect(signParams(base.params, vectors.client_key + "X")).not.toBe(base.md5);
  });
});
