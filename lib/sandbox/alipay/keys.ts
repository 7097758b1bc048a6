import "server-only";
import { createPublicKey, generateKeyPairSync } from "node:crypto";
import type { Db } from "../../db/connection";
import { keptSecret } from "../../db/kept-secret";

/**
 * The sandbox's two RSA key pairs, PEM: the merchant's app key (the SDK signs requests with its private
 * half, the sandbox checks them with the public one) and Alipay's own (the sandbox signs answers with its
 * private half; the SDK verifies them with the public one). Made once and kept in the database like the
 * demo's session secret, so every instance and cold start signs and checks with the same keys. Never
 * committed, never configured: a live deployment has none of them (it refuses the sandbox's app id).
 */
export interface SandboxAlipayKeys {
  appPrivateKey: string;
  appPublicKey: string;
  alipayPrivateKey: string;
  alipayPublicKey: string;
}

const APP_KEY = "sandbox_alipay_app_private_key";
const ALIPAY_KEY = "sandbox_alipay_platform_private_key";

function newPrivateKey(): string {
  return generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    type: "pkcs8",
    format: "pem",
  }) as string;
}

const publicOf = (privateKey: string) => createPublicKey(privateKey).export({ type: "spki", format: "pem" }) as string;

const cache = new WeakMap<Db, Promise<SandboxAlipayKeys>>();

/** The sandbox's Alipay keys in this database, made on first need. */
export function sandboxAlipayKeys(db: Db): Promise<SandboxAlipayKeys> {
  let keys = cache.get(db);
  if (!keys) {
    keys = (async () => {
      const appPrivateKey = await keptSecret(db, APP_KEY, newPrivateKey);
      const alipayPrivateKey = await keptSecret(db, ALIPAY_KEY, newPrivateKey);
      return {
        appPrivateKey,
        appPublicKey: publicOf(appPrivateKey),
        alipayPrivateKey,
        alipayPublicKey: publicOf(alipayPrivateKey),
      };
    })();
    keys.catch(() => cache.delete(db));
    cache.set(db, keys);
  }
  return keys;
}
