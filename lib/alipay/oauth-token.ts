import { AlipayRequestError, AlipaySdk } from "alipay-sdk";
import { z } from "zod";
import { ALIPAY_USER_ID } from "./authorize-url";
import { openApiTimestamp } from "./open-api-time";

/** The merchant's Alipay app as the official SDK needs it; the keys are PEM or the bare base64 Alipay's tool gives. */
export interface AlipayAppCredentials {
  appId: string;
  privateKey: string;
  keyType: "PKCS1" | "PKCS8";
  /** Alipay's public key: every answer is verified with it. */
  alipayPublicKey: string;
  /** The open API gateway (`.../gateway.do`). */
  gateway: string;
  timeoutMs?: number;
}

/**
 * What exchanging an auth code came to. Only `linked` carries the user id, and only once the SDK has
 * verified Alipay's signature over the answer. `refused`'s codes come from an answer whose signature did
 * not verify, or from Alipay's error answer: fit for a log line, never for a decision.
 */
export type TokenOutcome =
  | { kind: "linked"; userId: string }
  /**
   * A verified answer naming the shopper by `open_id` only (apps created since 2023 default to it): not
   * the user id QFPay's 800107 documents for `openid`. The open_id itself is never carried out.
   */
  | { kind: "open-id-only" }
  | { kind: "refused"; code: string; subCode: string }
  | { kind: "unverified" }
  | { kind: "unreadable" }
  | { kind: "transport" };

const tokenAnswer = z.looseObject({ user_id: z.string().regex(ALIPAY_USER_ID) });
const openIdAnswer = z.looseObject({ open_id: z.string().min(1).max(128), user_id: z.undefined().optional() });
const errorAnswer = z.looseObject({
  error_response: z.looseObject({ code: z.string().max(16), sub_code: z.string().max(64).optional() }),
});

/** Alipay's error as it came, unverified: only its codes, cut short and never the rest of the body. */
function errorCodes(raw: unknown): { code: string; subCode: string } | null {
  if (typeof raw !== "string") return null;
  try {
    const parsed = errorAnswer.safeParse(JSON.parse(raw));
    return parsed.success
      ? { code: parsed.data.error_response.code, subCode: parsed.data.error_response.sub_code ?? "" }
      : null;
  } catch {
    return null;
  }
}

/**
 * Exchanges an auth code for the shopper's Alipay user id with `alipay.system.oauth.token`, through the
 * official SDK: the request RSA2-signed with the app's private key, the answer verified with Alipay's
 * public key (`validateSign`, which the SDK leaves off unless asked). Never throws. The SDK's own errors
 * quote the answer (the user id in it), so none of their messages leaves this function.
 */
export async function exchangeAuthCode(app: AlipayAppCredentials, authCode: string): Promise<TokenOutcome> {
  // Without Alipay's key the SDK skips the check with a warning: refuse rather than trust an unsigned answer.
  if (!app.alipayPublicKey) return { kind: "unverified" };
  let sdk: AlipaySdk;
  try {
    sdk = new AlipaySdk({
      appId: app.appId,
      privateKey: app.privateKey,
      keyType: app.keyType,
      alipayPublicKey: app.alipayPublicKey,
      gateway: app.gateway,
      signType: "RSA2",
      camelcase: false,
      timeout: app.timeoutMs ?? 5000,
    });
  } catch {
    return { kind: "transport" };
  }
  let answer: unknown;
  try {
    answer = await sdk.exec(
      "alipay.system.oauth.token",
      // The SDK stamps the server's local time; this stamp, Beijing time, takes its place.
      { grant_type: "authorization_code", code: authCode, timestamp: openApiTimestamp(new Date()) },
      { validateSign: true },
    );
  } catch (error) {
    // Anything else the SDK throws comes of an answer it could not check (an unsigned one fails in
    // node:crypto): not a user id the shop can trust.
    if (!(error instanceof AlipayRequestError)) return { kind: "unverified" };
    if (error.responseDataRaw === undefined) return { kind: "transport" };
    // Alipay's error answer, with HTTP 200 (Alipay) or a 4xx (the sandbox, a proxy): refused either way.
    const codes = errorCodes(error.responseDataRaw);
    if (codes) return { kind: "refused", ...codes };
    if (error.message.startsWith("HTTP ")) return { kind: "transport" };
    return error.message.includes("验签") ? { kind: "unverified" } : { kind: "unreadable" };
  }
  const token = tokenAnswer.safeParse(answer);
  if (token.success) return { kind: "linked", userId: token.data.user_id };
  if (openIdAnswer.safeParse(answer).success) return { kind: "open-id-only" };
  const refused = z
    .looseObject({ code: z.string().max(16), sub_code: z.string().max(64).optional() })
    .safeParse(answer);
  return refused.success
    ? { kind: "refused", code: refused.data.code, subCode: refused.data.sub_code ?? "" }
    : { kind: "unreadable" };
}
