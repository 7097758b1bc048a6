import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config-source";
import { parseConfig } from "@/lib/env";
import { SANDBOX_APP_CODE, SANDBOX_CLIENT_KEY } from "@/lib/sandbox/credentials";

const SECRET = "s".repeat(40);
const live = {
  QFPAY_ENV: "live",
  QFPAY_APP_CODE: "D5589D2A1F2E42A9A60C37000000AAAA",
  QFPAY_CLIENT_KEY: "0E32A59A8B454940A2FF39F6A0D1E2B3",
  SESSION_SECRET: SECRET,
  SITE_URL: "https://shop.example",
};

function errorOf(source: Record<string, string>): string {
  try {
    parseConfig(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a configuration error");
}

describe("configuration", () => {
  it("runs in sandbox mode with nothing set", () => {
    const config = parseConfig({});
    expect(config.qfpay).toMatchObject({
      environment: "sandbox",
      apiBase: "http://localhost:3000/sandbox/qfpay",
      appCode: undefined,
      signType: "MD5",
      wallets: ["alipayhk", "alipay"],
      expiredMinutes: 30,
    });
    expect(config.storeCurrency).toBe("HKD");
    expect(config.databaseUrl).toBeUndefined();
  });

  it("reads a full live configuration", () => {
    const config = parseConfig({
      ...live,
      QFPAY_SIGN_TYPE: "sha256",
      QFPAY_WALLETS: "alipay",
      QFPAY_MCHID: "ZaMVg12345",
      DATABASE_URL: "postgres://u:p@db/shop",
    });
    expect(config.qfpay).toMatchObject({
      environment: "live",
      apiBase: "https://openapi-hk.qfapi.com",
      signType: "SHA256",
      wallets: ["alipay"],
      mchid: "ZaMVg12345",
    });
  });

  it("uses QFPay's testing host for test mode", () => {
    expect(parseConfig({ ...live, QFPAY_ENV: "test" }).qfpay.apiBase).toBe("https://test-openapi-hk.qfapi.com");
  });

  it.each<[string, Record<string, string>, RegExp]>([
    [
      "an unknown environment",
      { QFPAY_ENV: "prod" },
      /^Configuration error: QFPAY_ENV must be one of sandbox, test, live \(got "prod"\)\.$/,
    ],
    ["live without credentials", { ...live, QFPAY_APP_CODE: "" }, /^Configuration error: QFPAY_APP_CODE must be/],
    [
      "live with the sandbox's credentials",
      { ...live, QFPAY_CLIENT_KEY: SANDBOX_CLIENT_KEY },
      /QFPAY_CLIENT_KEY must be the client_key QFPay issued you/,
    ],
    [
      "live with the sandbox's app code",
      { ...live, QFPAY_APP_CODE: SANDBOX_APP_CODE },
      /QFPAY_APP_CODE must be the app_code QFPay issued you/,
    ],
    [
      "live with the seeds' placeholder",
      { ...live, QFPAY_CLIENT_KEY: "0E32A59A8B454940A2FF39**********" },
      /QFPAY_CLIENT_KEY/,
    ],
    [
      "live without a session secret",
      { ...live, SESSION_SECRET: "" },
      /^Configuration error: SESSION_SECRET must be at least 32 characters/,
    ],
    [
      "test mode without a session secret",
      { ...live, QFPAY_ENV: "test", SESSION_SECRET: "" },
      /SESSION_SECRET must be at least 32 characters \(required when QFPAY_ENV is test\)/,
    ],
    [
      "Vercel without a database",
      { VERCEL: "1", VERCEL_URL: "shop-git-x.vercel.app" },
      /^Configuration error: DATABASE_URL must be set on Vercel/,
    ],
    ["a pooled URL of another kind", { POSTGRES_URL: "mysql://x" }, /POSTGRES_URL must be a postgres/],
    [
      "an unpooled URL of another kind",
      { DATABASE_URL: "postgres://db/shop", DATABASE_URL_UNPOOLED: "http://db" },
      /DATABASE_URL_UNPOOLED must be a postgres/,
    ],
    ["a short session secret", { SESSION_SECRET: "short" }, /SESSION_SECRET must be at least 32 characters/],
    ["live on http", { ...live, SITE_URL: "http://shop.example" }, /SITE_URL must be an https origin/],
    ["a SITE_URL with a path", { SITE_URL: "https://shop.example/store" }, /SITE_URL must be an http\(s\) origin/],
    ["an unknown sign type", { QFPAY_SIGN_TYPE: "SHA1" }, /QFPAY_SIGN_TYPE must be MD5 or SHA256/],
    ["an unknown wallet", { QFPAY_WALLETS: "alipay,wechat" }, /QFPAY_WALLETS must be/],
    ["no wallet", { QFPAY_WALLETS: " , " }, /QFPAY_WALLETS must be/],
    [
      "an expiry under 5",
      { QFPAY_EXPIRED_MINUTES: "4" },
      /QFPAY_EXPIRED_MINUTES must be a whole number of minutes from 5 to 120 \(got "4"\)/,
    ],
    ["a fractional expiry", { QFPAY_EXPIRED_MINUTES: "7.5" }, /QFPAY_EXPIRED_MINUTES/],
    [
      "a log level pino does not have",
      { LOG_LEVEL: "verbose" },
      /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, or unset \(got "verbose"\)/,
    ],
    ["a database URL of another kind", { DATABASE_URL: "mysql://x" }, /DATABASE_URL must be a postgres/],
    ["an unknown currency", { STORE_CURRENCY: "XYZ" }, /STORE_CURRENCY must be a currency QFPay lists/],
    [
      "USD with AlipayHK offered",
      { STORE_CURRENCY: "USD" },
      /STORE_CURRENCY must be HKD while QFPAY_WALLETS offers alipayhk/,
    ],
    ["a short admin password", { ADMIN_PASSWORD: "hunter2" }, /ADMIN_PASSWORD must be at least 12 characters/],
    ["a long mchid", { QFPAY_MCHID: "x".repeat(17) }, /QFPAY_MCHID/],
  ])("stops on %s with one line naming the variable", (_name, source, pattern) => {
    const message = errorOf(source);
    expect(message).toMatch(pattern);
    expect(message).not.toContain("\n");
  });

  it("needs no session secret in sandbox mode, even in production: the demo generates one", () => {
    expect(parseConfig({ NODE_ENV: "production" }).sessionSecret).toBeUndefined();
    expect(parseConfig({ SESSION_SECRET: SECRET }).sessionSecret).toBe(SECRET);
  });

  it("takes its origin from Vercel when SITE_URL is unset: the production domain, or a preview's own URL", () => {
    const vercel = {
      VERCEL: "1",
      DATABASE_URL: "postgres://u:p@db/shop",
      VERCEL_PROJECT_PRODUCTION_URL: "shop.example.vercel.app",
      VERCEL_URL: "shop-abc123.vercel.app",
    };
    expect(parseConfig({ ...vercel, VERCEL_ENV: "production" }).siteUrl).toBe("https://shop.example.vercel.app");
    expect(parseConfig({ ...vercel, VERCEL_ENV: "preview" }).siteUrl).toBe("https://shop-abc123.vercel.app");
    expect(parseConfig({ ...vercel, VERCEL_URL: "" }).siteUrl).toBe("https://shop.example.vercel.app");
    expect(parseConfig({ ...vercel, SITE_URL: "https://tea.example" }).siteUrl).toBe("https://tea.example");
    expect(parseConfig({ VERCEL_URL: "shop-abc123.vercel.app" }).siteUrl).toBe("http://localhost:3000");
    expect(parseConfig({ ...vercel, VERCEL_ENV: "production" }).qfpay.apiBase).toBe(
      "https://shop.example.vercel.app/sandbox/qfpay",
    );
  });

  it("reads the database as Vercel's integrations set it, and migrates over the direct connection", () => {
    const neon = parseConfig({
      DATABASE_URL: "postgres://pooler/shop",
      DATABASE_URL_UNPOOLED: "postgres://direct/shop",
    });
    expect(neon).toMatchObject({ databaseUrl: "postgres://pooler/shop", migrationUrl: "postgres://direct/shop" });
    const legacy = parseConfig({
      POSTGRES_URL: "postgres://pooler/shop",
      POSTGRES_URL_NON_POOLING: "postgres://direct/shop",
    });
    expect(legacy).toMatchObject({ databaseUrl: "postgres://pooler/shop", migrationUrl: "postgres://direct/shop" });
    expect(parseConfig({ DATABASE_URL: "postgres://db/shop" }).migrationUrl).toBe("postgres://db/shop");
    expect(parseConfig({ VERCEL: "1", VERCEL_URL: "x.vercel.app", POSTGRES_URL: "postgres://db/shop" })).toMatchObject({
      serverless: true,
      databaseUrl: "postgres://db/shop",
    });
  });

  it("arms the crash-recovery hook in sandbox mode only", () => {
    expect(() => parseConfig({ SHOP_CRASH_AT: "paid.mid-transaction" })).not.toThrow();
    expect(errorOf({ ...live, SHOP_CRASH_AT: "paid.mid-transaction" })).toMatch(
      /^Configuration error: SHOP_CRASH_AT must be unset/,
    );
    expect(errorOf({ SHOP_CRASH_AT: "somewhere" })).toMatch(/SHOP_CRASH_AT/);
  });

  it("never repeats a secret's value in its error", () => {
    expect(errorOf({ SESSION_SECRET: "tooshort-secret" })).not.toContain("tooshort-secret");
    expect(errorOf({ DATABASE_URL: "mysql://user:hunter2@db" })).not.toContain("hunter2");
    expect(errorOf({ DATABASE_URL_UNPOOLED: "mysql://user:hunter2@db" })).not.toContain("hunter2");
    expect(errorOf({ ADMIN_PASSWORD: "pw-secret" })).not.toContain("pw-secret");
  });

  it("takes USD when only Alipay is offered", () => {
    expect(parseConfig({ STORE_CURRENCY: "usd", QFPAY_WALLETS: "alipay" }).storeCurrency).toBe("USD");
  });

  it("sends mail only with SMTP_URL and MAIL_FROM, and never repeats the SMTP credentials in an error", () => {
    expect(parseConfig({}).mail).toBeUndefined();
    const from = "Harbour Tea <receipts@shop.example>";
    expect(parseConfig({ SMTP_URL: "smtps://user:pw@smtp.example:465", MAIL_FROM: from }).mail).toEqual({
      smtpUrl: "smtps://user:pw@smtp.example:465",
      from,
    });
    const badUrl = errorOf({ SMTP_URL: "https://user:hunter2secret@smtp.example", MAIL_FROM: from });
    expect(badUrl).toMatch(/^Configuration error: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(badUrl).not.toContain("hunter2secret");
    expect(errorOf({ SMTP_URL: "smtp://smtp.example" })).toMatch(/MAIL_FROM must be .*required with SMTP_URL/);
    expect(errorOf({ SMTP_URL: "smtp://smtp.example", MAIL_FROM: "receipts@shop.example\r\nBcc: x@y.z" })).toMatch(
      /^Configuration error: MAIL_FROM/,
    );
  });
});
