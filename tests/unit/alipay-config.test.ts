import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config-source";
import { parseConfig } from "@/lib/env";
import { SANDBOX_ALIPAY_APP_ID } from "@/lib/sandbox/alipay/credentials";

/* The Alipay app (Service Window, 800107): ALIPAY_APP_ID, ALIPAY_PRIVATE_KEY, ALIPAY_PUBLIC_KEY, ALIPAY_GATEWAY. */

const live = {
  QFPAY_ENV: "live",
  QFPAY_APP_CODE: "D5589D2A1F2E42A9A60C37000000AAAA",
  QFPAY_CLIENT_KEY: "0E32A59A8B454940A2FF39F6A0D1E2B3",
  SESSION_SECRET: "s".repeat(40),
  SITE_URL: "https://shop.example",
};
const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pkcs8 = pair.privateKey.export({ type: "pkcs8", format: "pem" }) as string;
const pkcs1 = pair.privateKey.export({ type: "pkcs1", format: "pem" }) as string;
const alipayPublic = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({
  type: "spki",
  format: "pem",
}) as string;
/** As Alipay's key tool writes keys: bare base64 on one line. */
const bare = (pem: string) => pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
const app = { ALIPAY_APP_ID: "2021004100000001", ALIPAY_PRIVATE_KEY: pkcs8, ALIPAY_PUBLIC_KEY: alipayPublic };

function errorOf(source: Record<string, string>): string {
  try {
    parseConfig(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a configuration error");
}

describe("the Alipay app's configuration", () => {
  it("in sandbox mode with nothing set, the sandbox plays Alipay on the shop's own origin", () => {
    expect(parseConfig({}).alipay).toEqual({
      kind: "sandbox",
      appId: SANDBOX_ALIPAY_APP_ID,
      gateway: "http://localhost:3000/sandbox/alipay/gateway.do",
      authorizePage: "http://localhost:3000/sandbox/alipay/authorize",
    });
    expect(parseConfig({ ALIPAY_GATEWAY: "http://127.0.0.1:9/gateway.do" }).alipay).toMatchObject({
      gateway: "http://127.0.0.1:9/gateway.do",
    });
  });

  it("is off without the Alipay wallet, with CBTIS, and outside sandbox mode without an app id", () => {
    expect(parseConfig({ QFPAY_WALLETS: "alipayhk" }).alipay).toBeUndefined();
    expect(parseConfig({ PAYMENT_PROVIDER: "cbtis" }).alipay).toBeUndefined();
    expect(parseConfig(live).alipay).toBeUndefined();
  });

  it("reads a real app: PEM or bare base64, PKCS8 or PKCS1, Alipay's gateway and authorisation page by default", () => {
    expect(parseConfig({ ...live, ...app }).alipay).toMatchObject({
      kind: "configured",
      appId: "2021004100000001",
      keyType: "PKCS8",
      gateway: "https://openapi.alipay.com/gateway.do",
      authorizePage: "https://openauth.alipay.com/oauth2/publicAppAuthorize.htm",
    });
    expect(parseConfig({ ...live, ...app, ALIPAY_PRIVATE_KEY: pkcs1 }).alipay).toMatchObject({ keyType: "PKCS1" });
    expect(
      parseConfig({ ...live, ...app, ALIPAY_PRIVATE_KEY: bare(pkcs8), ALIPAY_PUBLIC_KEY: bare(alipayPublic) }).alipay,
    ).toMatchObject({ keyType: "PKCS8" });
    expect(parseConfig({ ...live, ...app, ALIPAY_PRIVATE_KEY: bare(pkcs1) }).alipay).toMatchObject({
      keyType: "PKCS1",
    });
    expect(
      parseConfig({ ...live, ...app, ALIPAY_GATEWAY: "https://openapi-sandbox.dl.alipaydev.com/gateway.do" }).alipay,
    ).toMatchObject({ gateway: "https://openapi-sandbox.dl.alipaydev.com/gateway.do" });
  });

  it("stops with one line naming the variable, and never repeats the private key", () => {
    expect(errorOf({ ...live, ...app, ALIPAY_APP_ID: SANDBOX_ALIPAY_APP_ID })).toMatch(
      /^Configuration error: ALIPAY_APP_ID/,
    );
    expect(errorOf({ ...live, ...app, ALIPAY_APP_ID: "your_app_id" })).toMatch(/ALIPAY_APP_ID/);
    expect(errorOf({ ...live, ALIPAY_PRIVATE_KEY: pkcs8 })).toMatch(/ALIPAY_APP_ID/);
    const badKey = errorOf({ ...live, ...app, ALIPAY_PRIVATE_KEY: "MIIEnotakey" });
    expect(badKey).toMatch(/ALIPAY_PRIVATE_KEY/);
    expect(badKey).not.toContain("MIIEnotakey");
    expect(errorOf({ ...live, ...app, ALIPAY_PUBLIC_KEY: "nope" })).toMatch(/ALIPAY_PUBLIC_KEY/);
    expect(errorOf({ ...live, ...app, ALIPAY_PRIVATE_KEY: undefined as unknown as string })).toMatch(
      /ALIPAY_PRIVATE_KEY/,
    );
    expect(errorOf({ ...live, ...app, ALIPAY_GATEWAY: "http://openapi.alipay.com/gateway.do" })).toMatch(
      /ALIPAY_GATEWAY/,
    );
  });
});
