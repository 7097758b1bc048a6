import { createSign, generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { exchangeAuthCode, type AlipayAppCredentials, type TokenOutcome } from "@/lib/alipay/oauth-token";
import type { Db } from "@/lib/db/connection";
import { eq } from "drizzle-orm";
import { sandboxAlipayAuthCodes } from "@/lib/db/schema/alipay-sandbox";
import { createLogger } from "@/lib/log";
import { issueAuthCode } from "@/lib/sandbox/alipay/auth-codes";
import { SANDBOX_ALIPAY_APP_ID } from "@/lib/sandbox/alipay/credentials";
import type { SandboxAlipayKeys } from "@/lib/sandbox/alipay/keys";
import {
  beginAlipayAuthorisation,
  finishAlipayAuthorisation,
  STATE_LIFETIME_MS,
  type AlipaySessionFields,
} from "@/lib/web/alipay-authorisation";
import { spendAlipayState } from "@/lib/web/spend-alipay-state";
import { serve } from "../support/http-server";
import { startSandboxAlipayGateway, type SandboxAlipayGateway } from "../support/sandbox-alipay-gateway";
import { createTestDatabase, type TestDatabaseHandle } from "../support/test-database";

/*
 * Alipay's web authorisation as the shop runs it: the state bound to the session, and the auth code
 * exchanged through the official alipay-sdk against the sandbox's alipay.system.oauth.token (over real
 * HTTP, its answers signed with the sandbox's own Alipay key), or against a forger's answers.
 */

let database: TestDatabaseHandle;
let db: Db;
let alipayGateway: SandboxAlipayGateway;
let keys: SandboxAlipayKeys;
let app: AlipayAppCredentials;

const NOW = () => new Date();
const SITE = "https://shop.example";
const AUTHORIZE_PAGE = `${SITE}/sandbox/alipay/authorize`;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  alipayGateway = await startSandboxAlipayGateway(db);
  ({ keys, app } = alipayGateway);
});

afterAll(async () => {
  await alipayGateway?.close();
  await database?.close();
});

/** What Alipay sends back to redirect_uri after the shopper allowed (a code) or denied (none). */
function alipayReturn(state: string, authCode?: string): URLSearchParams {
  const query = new URLSearchParams({ app_id: SANDBOX_ALIPAY_APP_ID, source: "alipay_wallet", scope: "auth_base" });
  if (authCode) query.set("auth_code", authCode);
  query.set("state", state);
  return query;
}

function begun(session: AlipaySessionFields, now = NOW()): string {
  const url = new URL(
    beginAlipayAuthorisation(
      session,
      { appId: SANDBOX_ALIPAY_APP_ID, authorizePage: AUTHORIZE_PAGE },
      `${SITE}/api/alipay/return`,
      { email: "shopper@example.com", locale: "zh-HK" },
      now,
    ),
  );
  return url.searchParams.get("state")!;
}

const exchange = (code: string) => exchangeAuthCode(app, code);
const spend = (state: string) => spendAlipayState(db, state, NOW());

describe("the authorisation's state", () => {
  it("sends the shopper to the authorisation page with the app, auth_base, the return address and a fresh state", () => {
    const session: AlipaySessionFields = {};
    const url = new URL(
      beginAlipayAuthorisation(
        session,
        { appId: SANDBOX_ALIPAY_APP_ID, authorizePage: AUTHORIZE_PAGE },
        `${SITE}/api/alipay/return`,
        { email: "shopper@example.com", locale: "en" },
        NOW(),
      ),
    );
    expect(url.origin + url.pathname).toBe(AUTHORIZE_PAGE);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      app_id: SANDBOX_ALIPAY_APP_ID,
      scope: "auth_base",
      redirect_uri: `${SITE}/api/alipay/return`,
      state: session.alipayAuth!.state,
    });
    expect(session.alipayAuth!.state).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(begun({})).not.toBe(session.alipayAuth!.state);
  });

  it("refuses a state this session did not start, and changes nothing: no exchange, the pending one kept", async () => {
    const session: AlipaySessionFields = {};
    const state = begun(session);
    const before = structuredClone(session);
    const code = await issueAuthCode(db, SANDBOX_ALIPAY_APP_ID, "auth_base", NOW());
    const spy = vi.fn(exchange);
    for (const wrong of [begun({}), `${state}x`, state.slice(0, -1), "state"]) {
      expect(await finishAlipayAuthorisation(session, alipayReturn(wrong, code), spy, spend, NOW())).toEqual({
        kind: "bad-state",
      });
    }
    // No session at all (another browser holding the link): refused too.
    expect(await finishAlipayAuthorisation({}, alipayReturn(state, code), spy, spend, NOW())).toEqual({
      kind: "bad-state",
    });
    expect(spy).not.toHaveBeenCalled();
    expect(session).toEqual(before);
    // The code was never spent: the rightful answer still links.
    expect(await finishAlipayAuthorisation(session, alipayReturn(state, code), spy, spend, NOW())).toMatchObject({
      kind: "linked",
    });
  });

  it("refuses a stale state", async () => {
    const session: AlipaySessionFields = {};
    const then = new Date(Date.now() - STATE_LIFETIME_MS - 1000);
    const state = begun(session, then);
    const code = await issueAuthCode(db, SANDBOX_ALIPAY_APP_ID, "auth_base", NOW());
    expect(await finishAlipayAuthorisation(session, alipayReturn(state, code), exchange, spend, NOW())).toEqual({
      kind: "bad-state",
    });
    expect(session.alipayUserId).toBeUndefined();
  });

  it("refuses what Alipay never sends, before reading the session", async () => {
    const session: AlipaySessionFields = {};
    const state = begun(session);
    const before = structuredClone(session);
    const spy = vi.fn(exchange);
    const bad = [
      new URLSearchParams(),
      new URLSearchParams({ state: "" }),
      new URLSearchParams({ state: "a b" }),
      new URLSearchParams({ state, auth_code: "<script>" }),
      new URLSearchParams({ state, auth_code: "x".repeat(129) }),
      new URLSearchParams([
        ["state", state],
        ["state", state],
      ]),
      new URLSearchParams([
        ["state", state],
        ["auth_code", "abcdefgh12"],
        ["auth_code", "abcdefgh13"],
      ]),
    ];
    for (const query of bad)
      expect(await finishAlipayAuthorisation(session, query, spy, spend, NOW()), query.toString()).toEqual({
        kind: "malformed",
      });
    expect(spy).not.toHaveBeenCalled();
    expect(session).toEqual(before);
  });

  it("a denied authorisation leaves no user id and sends the shopper to Alipay's web page", async () => {
    const session: AlipaySessionFields = { alipayUserId: "2088000000000001" };
    const state = begun(session);
    expect(await finishAlipayAuthorisation(session, alipayReturn(state), exchange, spend, NOW())).toEqual({
      kind: "declined",
      email: "shopper@example.com",
      locale: "zh-HK",
    });
    expect(session).toEqual({ alipayFallback: "declined" });
  });
});

describe("the auth code's exchange (alipay.system.oauth.token through alipay-sdk)", () => {
  it("links the user id the sandbox's signed answer carries, and keeps it in the session only", async () => {
    const session: AlipaySessionFields = { alipayFallback: "failed" };
    const state = begun(session);
    const code = await issueAuthCode(db, SANDBOX_ALIPAY_APP_ID, "auth_base", NOW());
    const result = await finishAlipayAuthorisation(session, alipayReturn(state, code), exchange, spend, NOW());
    expect(result).toEqual({ kind: "linked", email: "shopper@example.com", locale: "zh-HK" });
    expect(JSON.stringify(result)).not.toMatch(/2088/);
    expect(session.alipayUserId).toMatch(/^2088\d{12}$/);
    expect(session.alipayAuth).toBeUndefined();
    expect(session.alipayFallback).toBeUndefined();
  });

  it("an auth code is good once: reused, it is refused, and a replayed return finds its state spent", async () => {
    const session: AlipaySessionFields = {};
    const state = begun(session);
    const code = await issueAuthCode(db, SANDBOX_ALIPAY_APP_ID, "auth_base", NOW());
    const first = await finishAlipayAuthorisation(session, alipayReturn(state, code), exchange, spend, NOW());
    expect(first.kind).toBe("linked");
    const userId = session.alipayUserId;

    // The same return again (a reload, a replay): the state was spent with the first.
    const spy = vi.fn(exchange);
    expect(await finishAlipayAuthorisation(session, alipayReturn(state, code), spy, spend, NOW())).toEqual({
      kind: "bad-state",
    });
    expect(spy).not.toHaveBeenCalled();
    expect(session.alipayUserId).toBe(userId);

    // The code itself, in a fresh authorisation of another session: Alipay (the sandbox) refuses it.
    expect(await exchange(code)).toEqual({ kind: "refused", code: "40002", subCode: "isv.code-invalid" });
    const other: AlipaySessionFields = {};
    const otherState = begun(other);
    expect(
      await finishAlipayAuthorisation(other, alipayReturn(otherState, code), exchange, spend, NOW()),
    ).toMatchObject({
      kind: "failed",
      outcome: "refused",
    });
    expect(other.alipayUserId).toBeUndefined();
    expect(other.alipayFallback).toBe("failed");
  });

  it("a replayed copy of the session cookie finds its state spent in the database, and changes nothing", async () => {
    const session: AlipaySessionFields = {};
    const state = begun(session);
    // What the browser held before the return: a cookie sealed with the pending state, copied by an attacker.
    const replayed = structuredClone(session);
    const code = await issueAuthCode(db, SANDBOX_ALIPAY_APP_ID, "auth_base", NOW());
    expect((await finishAlipayAuthorisation(session, alipayReturn(state, code), exchange, spend, NOW())).kind).toBe(
      "linked",
    );

    const again = await issueAuthCode(db, SANDBOX_ALIPAY_APP_ID, "auth_base", NOW());
    const spy = vi.fn(exchange);
    expect(await finishAlipayAuthorisation(replayed, alipayReturn(state, again), spy, spend, NOW())).toEqual({
      kind: "bad-state",
    });
    expect(spy).not.toHaveBeenCalled();
    expect(replayed.alipayUserId).toBeUndefined();
    expect(replayed.alipayAuth?.state).toBe(state);
    // The code the replay carried was never spent.
    expect((await exchange(again)).kind).toBe("linked");
  });

  it("an app on OpenID: the sandbox answers open_id only, a verified answer the shop cannot pay with", async () => {
    const code = await issueAuthCode(db, SANDBOX_ALIPAY_APP_ID, "auth_base", NOW(), "open_id");
    const [issued] = await db.select().from(sandboxAlipayAuthCodes).where(eq(sandboxAlipayAuthCodes.code, code));
    const openId = issued!.userId;
    expect(openId).not.toMatch(/^2088\d{12}$/);

    const session: AlipaySessionFields = {};
    const state = begun(session);
    const result = await finishAlipayAuthorisation(session, alipayReturn(state, code), exchange, spend, NOW());
    expect(result).toEqual({
      kind: "failed",
      email: "shopper@example.com",
      locale: "zh-HK",
      outcome: "open-id-only",
    });
    // Alipay's web page instead; the open_id is kept nowhere and said nowhere.
    expect(session).toEqual({ alipayFallback: "failed" });
    expect(JSON.stringify(result)).not.toContain(openId);

    // A log line that carried it anyway (an answer logged whole by mistake) says "[redacted]".
    const lines: string[] = [];
    const log = createLogger({ write: (line: string) => void lines.push(line) }, "info");
    log.info({ event: "test", open_id: openId, answer: { open_id: openId, openId } });
    expect(lines.join("")).not.toContain(openId);
    expect(lines.join("")).toContain("[redacted]");
  });

  it("two exchanges of one code at once: one user id, one refusal", async () => {
    const code = await issueAuthCode(db, SANDBOX_ALIPAY_APP_ID, "auth_base", NOW());
    const outcomes = await Promise.all([exchange(code), exchange(code)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["linked", "refused"]);
  });

  it("an unknown or expired code is refused", async () => {
    expect(await exchange("abcdefgh0000")).toEqual({ kind: "refused", code: "40002", subCode: "isv.code-invalid" });
    const old = await issueAuthCode(db, SANDBOX_ALIPAY_APP_ID, "auth_base", new Date(Date.now() - 10 * 60_000));
    expect(await exchange(old)).toMatchObject({ kind: "refused", subCode: "isv.code-invalid" });
  });

  it("the sandbox refuses a request the app did not sign, and spends nothing", async () => {
    const code = await issueAuthCode(db, SANDBOX_ALIPAY_APP_ID, "auth_base", NOW());
    const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
      type: "pkcs8",
      format: "pem",
    }) as string;
    expect(await exchangeAuthCode({ ...app, privateKey: stranger }, code)).toEqual({
      kind: "refused",
      code: "40002",
      subCode: "isv.invalid-signature",
    });
    expect(await exchangeAuthCode({ ...app, appId: "9021000000000002" }, code)).toMatchObject({
      kind: "refused",
      subCode: "isv.invalid-app-id",
    });
    expect((await exchange(code)).kind).toBe("linked");
  });

  it("answers a gateway that cannot be reached as transport, never as a user id", async () => {
    const closed = await serve(async () => new Response("x"));
    await closed.close();
    expect(
      await exchangeAuthCode({ ...app, gateway: `${closed.url}/gateway.do`, timeoutMs: 2000 }, "abcdefgh1"),
    ).toEqual({ kind: "transport" });
  });
});

describe("a token answer that is not Alipay's, signed wrong or tampered with, links nobody", () => {
  const RESPONSE_KEY = "alipay_system_oauth_token_response";
  const content = JSON.stringify({
    user_id: "2088000000000042",
    access_token: "authbseBx",
    expires_in: 1296000,
    refresh_token: "authbseBy",
    re_expires_in: 2592000,
    auth_start: "2026-12-02 10:00:00",
  });
  const signWith = (key: string, text: string) => createSign("RSA-SHA256").update(text, "utf8").sign(key, "base64");
  const forger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    type: "pkcs8",
    format: "pem",
  }) as string;

  async function exchangeAgainst(body: (alipayKey: string) => string): Promise<TokenOutcome> {
    const server = await serve(
      async () => new Response(body(keys.alipayPrivateKey), { headers: { "Content-Type": "application/json" } }),
    );
    try {
      return await exchangeAuthCode({ ...app, gateway: `${server.url}/gateway.do` }, "abcdefgh1234");
    } finally {
      await server.close();
    }
  }

  it("the same answer, rightly signed, does link (the forgeries below differ from it in one thing each)", async () => {
    expect(await exchangeAgainst((key) => `{"${RESPONSE_KEY}":${content},"sign":"${signWith(key, content)}"}`)).toEqual(
      { kind: "linked", userId: "2088000000000042" },
    );
  });

  const forgeries: [string, (alipayKey: string) => string][] = [
    ["signed with another key", () => `{"${RESPONSE_KEY}":${content},"sign":"${signWith(forger, content)}"}`],
    [
      "signed with the app's own key, not Alipay's",
      () => `{"${RESPONSE_KEY}":${content},"sign":"${signWith(keys.appPrivateKey, content)}"}`,
    ],
    [
      "its user id changed after signing",
      (key) =>
        `{"${RESPONSE_KEY}":${content.replace("2088000000000042", "2088000000000666")},"sign":"${signWith(key, content)}"}`,
    ],
    ["with no signature", () => `{"${RESPONSE_KEY}":${content}}`],
    ["with an empty signature", () => `{"${RESPONSE_KEY}":${content},"sign":""}`],
    ["with a signature that is not base64", () => `{"${RESPONSE_KEY}":${content},"sign":"%%%"}`],
    [
      "a signature of something else",
      (key) => `{"${RESPONSE_KEY}":${content},"sign":"${signWith(key, '{"user_id":"2088000000000042"}')}"}`,
    ],
  ];
  for (const [name, body] of forgeries) {
    it(`refuses an answer ${name}`, async () => {
      const outcome = await exchangeAgainst(body);
      expect(outcome.kind).toBe("unverified");
      expect(JSON.stringify(outcome)).not.toMatch(/2088/);
    });
  }

  it("refuses a rightly signed answer that carries no user id of Alipay's shape", async () => {
    const odd = JSON.stringify({ user_id: "../../admin", access_token: "x" });
    expect((await exchangeAgainst((key) => `{"${RESPONSE_KEY}":${odd},"sign":"${signWith(key, odd)}"}`)).kind).not.toBe(
      "linked",
    );
  });

  it("refuses an answer that is not JSON, or names another method", async () => {
    expect((await exchangeAgainst(() => "<html>busy</html>")).kind).toBe("unreadable");
    const other = `{"alipay_trade_query_response":${content},"sign":"x"}`;
    expect((await exchangeAgainst(() => other)).kind).not.toBe("linked");
  });
});
