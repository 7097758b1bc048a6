import type { AlipayAppCredentials } from "@/lib/alipay/oauth-token";
import type { Db } from "@/lib/db/connection";
import { SANDBOX_ALIPAY_APP_ID } from "@/lib/sandbox/alipay/credentials";
import { sandboxAlipayKeys, type SandboxAlipayKeys } from "@/lib/sandbox/alipay/keys";
import { handleOpenApi } from "@/lib/sandbox/alipay/open-api";
import { serve } from "./http-server";

/**
 * The sandbox's Alipay open API on a real HTTP server, with the app credentials that reach it: the shop's
 * auth-code exchange goes through alipay-sdk over the wire, as it does to Alipay.
 */
export interface SandboxAlipayGateway {
  /** The sandbox's keys, kept in `db`: Alipay's private key among them, for a test that answers as Alipay. */
  keys: SandboxAlipayKeys;
  app: AlipayAppCredentials;
  close(): Promise<void>;
}

export async function startSandboxAlipayGateway(db: Db): Promise<SandboxAlipayGateway> {
  const keys = await sandboxAlipayKeys(db);
  const server = await serve(async (request) =>
    handleOpenApi({ db, keys, now: new Date() }, new URL(request.url), new URLSearchParams(await request.text())),
  );
  return {
    keys,
    app: {
      appId: SANDBOX_ALIPAY_APP_ID,
      privateKey: keys.appPrivateKey,
      keyType: "PKCS8",
      alipayPublicKey: keys.alipayPublicKey,
      gateway: `${server.url}/gateway.do`,
    },
    close: () => server.close(),
  };
}
