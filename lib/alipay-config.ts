import "server-only";
import { createPrivateKey, createPublicKey } from "node:crypto";
import { ALIPAY_AUTHORIZE_URL } from "./alipay/authorize-url";
import { fail, httpUrl, read, type Source } from "./config-source";
import { SANDBOX_ALIPAY_APP_ID } from "./sandbox/alipay/credentials";

/**
 * The merchant's Alipay app (its Service Window), through which the shop learns a shopper's Alipay user
 * id for QFPay's 800107. `sandbox`: the built-in sandbox plays Alipay, with keys it makes and keeps itself
 * (lib/sandbox/alipay/keys.ts); `configured`: ALIPAY_APP_ID, ALIPAY_PRIVATE_KEY and ALIPAY_PUBLIC_KEY.
 */
export type AlipayAppConfig =
  | { kind: "sandbox"; appId: string; gateway: string; authorizePage: string }
  | {
      kind: "configured";
      appId: string;
      privateKey: string;
      keyType: "PKCS1" | "PKCS8";
      alipayPublicKey: string;
      gateway: string;
      authorizePage: string;
    };

const ALIPAY_GATEWAY = "https://openapi.alipay.com/gateway.do";

/** A key as PEM, or the bare base64 Alipay's key tool writes, wrapped as `label`. */
function pem(text: string, label: string): string {
  if (text.includes("-----BEGIN")) return text.replace(/\\n/g, "\n");
  const body = text.replace(/\s+/g, "").replace(/(.{64})/g, "$1\n");
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** The private key's format for the SDK (PKCS8, as Alipay's tool writes it now, or the older PKCS1); null if no RSA key. */
function privateKeyType(text: string): { key: string; type: "PKCS1" | "PKCS8" } | null {
  for (const [label, type] of [
    ["PRIVATE KEY", "PKCS8"],
    ["RSA PRIVATE KEY", "PKCS1"],
  ] as const) {
    const key = pem(text, label);
    if (text.includes("-----BEGIN") && !text.includes(`BEGIN ${label}-----`)) continue;
    try {
      if (createPrivateKey(key).asymmetricKeyType === "rsa") return { key, type };
    } catch {
      // try the other format
    }
  }
  return null;
}

function isRsaPublicKey(text: string): boolean {
  try {
    return createPublicKey(text).asymmetricKeyType === "rsa";
  } catch {
    return false;
  }
}

/**
 * Reads the Alipay app's settings. Offered only with QFPay and the Alipay wallet; in sandbox mode the
 * sandbox's stand-in unless ALIPAY_APP_ID names a real app; outside it, only when ALIPAY_APP_ID is set.
 */
export function readAlipayApp(
  source: Source,
  options: { sandbox: boolean; siteUrl: string; offered: boolean },
): AlipayAppConfig | undefined {
  const appId = read(source, "ALIPAY_APP_ID");
  const gatewayText = read(source, "ALIPAY_GATEWAY");
  if (gatewayText !== undefined) {
    const url = httpUrl(gatewayText);
    if (!url || (!options.sandbox && url.protocol !== "https:"))
      fail(
        "ALIPAY_GATEWAY",
        `an ${options.sandbox ? "http(s)" : "https"} URL of Alipay's open API gateway, or unset`,
        source,
      );
  }
  if (!options.offered) return undefined;
  if (appId === undefined) {
    if (read(source, "ALIPAY_PRIVATE_KEY") || read(source, "ALIPAY_PUBLIC_KEY"))
      fail("ALIPAY_APP_ID", "the app id of your Alipay app (16 digits) when its keys are set", source);
    if (!options.sandbox) return undefined;
    return {
      kind: "sandbox",
      appId: SANDBOX_ALIPAY_APP_ID,
      gateway: gatewayText ?? `${options.siteUrl}/sandbox/alipay/gateway.do`,
      authorizePage: `${options.siteUrl}/sandbox/alipay/authorize`,
    };
  }
  if (!/^\d{16}$/.test(appId) || appId === SANDBOX_ALIPAY_APP_ID)
    fail(
      "ALIPAY_APP_ID",
      "the 16-digit app id of your Alipay app (the sandbox's does not work here), or unset",
      source,
    );
  const privateText = read(source, "ALIPAY_PRIVATE_KEY");
  const privateKey = privateText === undefined ? null : privateKeyType(privateText);
  if (!privateKey)
    fail("ALIPAY_PRIVATE_KEY", "your Alipay app's RSA2 private key (PKCS8 or PKCS1, PEM or bare base64)", source);
  const publicText = read(source, "ALIPAY_PUBLIC_KEY");
  const alipayPublicKey = publicText === undefined ? null : pem(publicText, "PUBLIC KEY");
  if (!alipayPublicKey || !isRsaPublicKey(alipayPublicKey))
    fail("ALIPAY_PUBLIC_KEY", "Alipay's RSA2 public key for your app (not your app's own public key)", source);
  return {
    kind: "configured",
    appId,
    privateKey: privateKey.key,
    keyType: privateKey.type,
    alipayPublicKey,
    gateway: gatewayText ?? ALIPAY_GATEWAY,
    authorizePage: ALIPAY_AUTHORIZE_URL,
  };
}
