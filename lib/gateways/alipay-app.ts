import "server-only";
import type { AlipayAppCredentials } from "../alipay/oauth-token";
import type { AlipayAppConfig } from "../alipay-config";
import type { Db } from "../db/connection";
import { sandboxAlipayKeys } from "../sandbox/alipay/keys";

/**
 * The Alipay app the SDK speaks for: the configured one, or in sandbox mode the sandbox's, whose keys
 * the sandbox made and keeps (the shop holds the app's private key and Alipay's public key, as it would).
 */
export async function alipayAppCredentials(app: AlipayAppConfig, db: Db): Promise<AlipayAppCredentials> {
  if (app.kind === "configured") {
    const { appId, privateKey, keyType, alipayPublicKey, gateway } = app;
    return { appId, privateKey, keyType, alipayPublicKey, gateway };
  }
  const keys = await sandboxAlipayKeys(db);
  return {
    appId: app.appId,
    privateKey: keys.appPrivateKey,
    keyType: "PKCS8",
    alipayPublicKey: keys.alipayPublicKey,
    gateway: app.gateway,
  };
}
