import "server-only";
import { z } from "zod";
import { ConfigError, defaultSiteUrl, fail, httpUrl, postgresUrl, read, type Source } from "./config-source";

import { readAlipayApp, type AlipayAppConfig } from "./alipay-config";
import { CRASH_POINTS } from "./crash-point";
import { LOG_LEVELS } from "./log-levels";
import { isCurrencyCode, type CurrencyCode } from "./qfpay/currencies";
import type { SignType } from "./qfpay/sign";
import { payTypeFor, takesCurrency, WALLET_NAMES, type Wallet } from "./qfpay/pay-types";

export type QfpayEnvironment = "sandbox" | "test" | "live";
export type PaymentProvider = "qfpay" | "cbtis";

export interface Config {
  qfpay: {
    environment: QfpayEnvironment;
    apiBase: string;
    /** Unset in sandbox mode, whose gateway brings its own (lib/gateways/sandbox). */
    appCode: string | undefined;
    clientKey: string | undefined;
    mchid: string | undefined;
    signType: SignType;
    wallets: Wallet[];
    expiredMinutes: number;
  };
  /** Who takes the payments (PAYMENT_PROVIDER); QFPAY_ENV is the mode (sandbox, test, live) for either. */
  provider: PaymentProvider;
  /** CBTIS's API, when it is the provider (docs/cbtis.md); credentials unset in sandbox mode. */
  cbtis:
    { apiBase: string; clientId: string | undefined; apiKey: string | undefined; tokenLifetimeMs: number } | undefined;
  siteUrl: string;
  databaseUrl: string | undefined;
  /** The direct (unpooled) connection migrations take; the pooled one otherwise. */
  migrationUrl: string | undefined;
  /** On Vercel: many short-lived instances, frozen between requests, nothing migrated on a cold start. */
  serverless: boolean;
  /** Where embedded PGlite keeps its files when DATABASE_URL is unset. */
  pgliteDataDir: string | undefined;
  /** Unset only in sandbox mode: then one is generated once and kept in the database (lib/session-secret.ts). */
  sessionSecret: string | undefined;
  adminPassword: string | undefined;
  storeCurrency: CurrencyCode;
  cronSecret: string | undefined;
  /** Proxies of the merchant's own in front of `next start` (lib/client-address.ts). */
  trustedProxyHops: number;
  /** Where receipts go out; unset: they wait in the outbox (and, in sandbox mode, show at /sandbox/mail). */
  mail: { smtpUrl: string; from: string } | undefined;
  /** The Alipay app that tells the shop a shopper's Alipay user id for 800107; unset: 800107 is not offered. */
  alipay: AlipayAppConfig | undefined;
}

const GATEWAY_HOSTS: Record<Exclude<QfpayEnvironment, "sandbox">, string> = {
  test: "https://test-openapi-hk.qfapi.com",
  live: "https://openapi-hk.qfapi.com",
};

const walletList = z
  .string()
  .transform((text) =>
    text
      .split(",")
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(["alipayhk", "alipay"])).min(1))
  .transform((wallets) => [...new Set(wallets)]);

/** Reads and checks the whole configuration; the first problem stops it with one line naming the variable. */
export function parseConfig(source: Source): Config {
  const environment = read(source, "QFPAY_ENV") ?? "sandbox";
  if (environment !== "sandbox" && environment !== "test" && environment !== "live") {
    fail("QFPAY_ENV", "one of sandbox, test, live", source);
  }
  const sandbox = environment === "sandbox";
  const provider = read(source, "PAYMENT_PROVIDER") ?? "qfpay";
  if (provider !== "qfpay" && provider !== "cbtis") fail("PAYMENT_PROVIDER", "qfpay or cbtis", source);

  const serverless = read(source, "VERCEL") !== undefined;
  // Vercel's Neon integration sets DATABASE_URL (pooled) and DATABASE_URL_UNPOOLED; its older Postgres
  // storage sets POSTGRES_URL and POSTGRES_URL_NON_POOLING.
  const databaseUrl = postgresUrl(source, "DATABASE_URL") ?? postgresUrl(source, "POSTGRES_URL");
  const migrationUrl =
    postgresUrl(source, "DATABASE_URL_UNPOOLED") ?? postgresUrl(source, "POSTGRES_URL_NON_POOLING") ?? databaseUrl;
  if (serverless && databaseUrl === undefined) {
    fail(
      "DATABASE_URL",
      "set on Vercel (add Neon from the Vercel Marketplace, which sets it, or any PostgreSQL URL): the embedded database cannot live in a serverless function",
      source,
    );
  }

  const siteText = read(source, "SITE_URL") ?? defaultSiteUrl(source);
  const site = httpUrl(siteText);
  if (!site || site.pathname !== "/" || site.search || site.hash) {
    fail("SITE_URL", "an http(s) origin such as https://shop.example, with no path", source);
  }
  if (!sandbox && site.protocol !== "https:") {
    fail("SITE_URL", "an https origin when QFPAY_ENV is test or live (QFPay notifies ports 80 and 443 only)", source);
  }
  const siteUrl = site.origin;

  let apiBase: string;
  const apiBaseText = read(source, "QFPAY_API_BASE");
  if (apiBaseText) {
    const url = httpUrl(apiBaseText);
    if (!url) fail("QFPAY_API_BASE", "an http(s) URL", source);
    apiBase = apiBaseText.replace(/\/+$/, "");
  } else {
    apiBase = sandbox ? `${siteUrl}/sandbox/qfpay` : GATEWAY_HOSTS[environment];
  }

  let appCode: string | undefined;
  let clientKey: string | undefined;
  if (!sandbox && provider === "qfpay") {
    const code = read(source, "QFPAY_APP_CODE");
    const key = read(source, "QFPAY_CLIENT_KEY");
    // A placeholder from the docs or .env.example, or the sandbox's public credentials (which all start
    // with SANDBOX), copied into a real deployment.
    const placeholder = (v: string) => v.includes("*") || /^(your_|sandbox)/i.test(v);
    if (!code || placeholder(code)) {
      fail(
        "QFPAY_APP_CODE",
        `the app_code QFPay issued you (required when QFPAY_ENV is ${environment}; the sandbox's does not work there)`,
        source,
      );
    }
    if (!key || placeholder(key)) {
      fail(
        "QFPAY_CLIENT_KEY",
        `the client_key QFPay issued you (required when QFPAY_ENV is ${environment}; the sandbox's does not work there)`,
        source,
      );
    }
    appCode = code;
    clientKey = key;
  }

  const mchid = read(source, "QFPAY_MCHID");
  if (mchid !== undefined && !/^[\x21-\x7e]{1,16}$/.test(mchid)) {
    fail("QFPAY_MCHID", "the mchid QFPay issued you, at most 16 characters, or unset", source);
  }

  const signType = (read(source, "QFPAY_SIGN_TYPE") ?? "MD5").toUpperCase();
  if (signType !== "MD5" && signType !== "SHA256") fail("QFPAY_SIGN_TYPE", "MD5 or SHA256", source);

  const wallets = walletList.safeParse(read(source, "QFPAY_WALLETS") ?? "alipayhk,alipay");
  if (!wallets.success) fail("QFPAY_WALLETS", "a comma-separated list of alipayhk and alipay", source);

  const minutesText = read(source, "QFPAY_EXPIRED_MINUTES") ?? "30";
  const expiredMinutes = Number(minutesText);
  if (!/^\d+$/.test(minutesText) || expiredMinutes < 5 || expiredMinutes > 120) {
    fail("QFPAY_EXPIRED_MINUTES", "a whole number of minutes from 5 to 120", source);
  }

  const pgliteDataDir = read(source, "PGLITE_DATA_DIR");

  const sessionSecret = read(source, "SESSION_SECRET");
  if (sessionSecret === undefined ? !sandbox : sessionSecret.length < 32) {
    fail(
      "SESSION_SECRET",
      `at least 32 characters${sandbox ? "" : ` (required when QFPAY_ENV is ${environment})`}`,
      source,
    );
  }

  const adminPassword = read(source, "ADMIN_PASSWORD");
  if (adminPassword !== undefined && adminPassword.length < 12) {
    fail("ADMIN_PASSWORD", "at least 12 characters, or unset to turn the admin off", source);
  }

  const cronSecret = read(source, "CRON_SECRET");
  if (cronSecret !== undefined && cronSecret.length < 16) {
    fail("CRON_SECRET", "at least 16 characters, or unset", source);
  }

  const logLevel = read(source, "LOG_LEVEL");
  if (logLevel !== undefined && !(LOG_LEVELS as readonly string[]).includes(logLevel))
    fail("LOG_LEVEL", `one of ${LOG_LEVELS.join(", ")}, or unset`, source);

  const crashAt = read(source, "SHOP_CRASH_AT");
  if (crashAt !== undefined && (!sandbox || !(CRASH_POINTS as readonly string[]).includes(crashAt))) {
    fail(
      "SHOP_CRASH_AT",
      `unset (it is the crash-recovery test's hook, for sandbox mode only: ${CRASH_POINTS.join(", ")})`,
      source,
    );
  }

  const hopsText = read(source, "TRUSTED_PROXY_HOPS") ?? "0";
  if (!/^[0-5]$/.test(hopsText))
    fail("TRUSTED_PROXY_HOPS", "a whole number from 0 to 5 (the proxies of your own in front of the shop)", source);
  const trustedProxyHops = Number(hopsText);

  const mail = mailSettings(source);

  const currency = (read(source, "STORE_CURRENCY") ?? "HKD").toUpperCase();
  if (!isCurrencyCode(currency)) fail("STORE_CURRENCY", "a currency QFPay lists (HKD, CNY, USD, EUR, ...)", source);
  const hkdOnly = wallets.data.find((wallet) => !takesCurrency(payTypeFor(wallet, "desktop"), currency));
  if (hkdOnly) {
    fail(
      "STORE_CURRENCY",
      `HKD while QFPAY_WALLETS offers ${hkdOnly} (${WALLET_NAMES[hkdOnly]} takes HKD only)`,
      source,
    );
  }

  const cbtis = provider === "cbtis" ? readCbtis(source, sandbox, siteUrl, currency) : undefined;
  // 800107 is QFPay's, and pays with the Alipay wallet.
  const alipay = readAlipayApp(source, {
    sandbox,
    siteUrl,
    offered: provider === "qfpay" && wallets.data.includes("alipay"),
  });

  return {
    provider,
    cbtis,
    qfpay: { environment, apiBase, appCode, clientKey, mchid, signType, wallets: wallets.data, expiredMinutes },
    siteUrl,
    databaseUrl,
    migrationUrl,
    serverless,
    pgliteDataDir,
    sessionSecret,
    adminPassword,
    storeCurrency: currency,
    cronSecret,
    trustedProxyHops,
    mail,
    alipay,
  };
}

/** `Name <user@host>` or `user@host`, on one line (a line break would let it write headers of its own). */
const MAIL_ADDRESS = /^(?:[^<>\r\n"]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

function mailSettings(source: Source): Config["mail"] {
  const smtpText = read(source, "SMTP_URL");
  const from = read(source, "MAIL_FROM");
  if (smtpText === undefined) {
    if (from !== undefined && !MAIL_ADDRESS.test(from))
      fail("MAIL_FROM", "an address such as Harbour Tea <receipts@shop.example>", source);
    return undefined;
  }
  let smtp: URL | null = null;
  try {
    smtp = new URL(smtpText);
  } catch {
    // reported below
  }
  if (!smtp || (smtp.protocol !== "smtp:" && smtp.protocol !== "smtps:") || !smtp.hostname)
    fail("SMTP_URL", "an smtp:// or smtps:// URL such as smtps://user:password@smtp.example:465, or unset", source);
  if (from === undefined || !MAIL_ADDRESS.test(from))
    fail("MAIL_FROM", "an address such as Harbour Tea <receipts@shop.example> (required with SMTP_URL)", source);
  return { smtpUrl: smtpText, from };
}

/** CBTIS's settings: a host and credentials outside sandbox mode (seed 003 names no host), HKD only. */
function readCbtis(source: Source, sandbox: boolean, siteUrl: string, currency: string): NonNullable<Config["cbtis"]> {
  if (currency !== "HKD") fail("STORE_CURRENCY", "HKD when PAYMENT_PROVIDER is cbtis (CBTIS settles HKD only)", source);
  const baseText = read(source, "CBTIS_API_BASE");
  if (baseText !== undefined && !httpUrl(baseText)) fail("CBTIS_API_BASE", "an http(s) URL", source);
  if (baseText === undefined && !sandbox)
    fail(
      "CBTIS_API_BASE",
      "the API host CBTIS gave you (required when PAYMENT_PROVIDER is cbtis outside sandbox mode)",
      source,
    );
  const clientId = read(source, "CBTIS_CLIENT_ID");
  const apiKey = read(source, "CBTIS_API_KEY");
  if (!sandbox) {
    if (!clientId || /^(your_|sandbox)/i.test(clientId))
      fail("CBTIS_CLIENT_ID", "the client id CBTIS issued you (required outside sandbox mode)", source);
    if (!apiKey || /^(your_|sandbox)/i.test(apiKey))
      fail("CBTIS_API_KEY", "the API key CBTIS issued you (required outside sandbox mode)", source);
  }
  const minutesText = read(source, "CBTIS_TOKEN_MINUTES") ?? "30";
  if (!/^\d{1,4}$/.test(minutesText) || Number(minutesText) < 2 || Number(minutesText) > 1440)
    fail(
      "CBTIS_TOKEN_MINUTES",
      "a whole number of minutes from 2 to 1440 (how long a CBTIS access token lives)",
      source,
    );
  return {
    apiBase: (baseText ?? `${siteUrl}/sandbox/cbtis`).replace(/\/+$/, ""),
    clientId: sandbox ? undefined : clientId,
    apiKey: sandbox ? undefined : apiKey,
    tokenLifetimeMs: Number(minutesText) * 60_000,
  };
}

let cached: Config | undefined;

/** The running shop's configuration, read once. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** The configuration's first problem as one line (it names the variable, never a secret), or null. */
export function configurationProblem(): string | null {
  try {
    getConfig();
    return null;
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}
