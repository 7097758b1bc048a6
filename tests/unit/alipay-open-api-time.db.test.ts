import { createSign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchangeAuthCode } from "@/lib/alipay/oauth-token";
import { instantOfOpenApiTimestamp, openApiTimestamp } from "@/lib/alipay/open-api-time";
import { issueAuthCode } from "@/lib/sandbox/alipay/auth-codes";
import { SANDBOX_ALIPAY_APP_ID } from "@/lib/sandbox/alipay/credentials";
import { sandboxAlipayKeys, type SandboxAlipayKeys } from "@/lib/sandbox/alipay/keys";
import { handleOpenApi, signContent } from "@/lib/sandbox/alipay/open-api";
import { serve, type RunningServer } from "../support/http-server";
import { createTestDatabase, type TestDatabaseHandle } from "../support/test-database";

/*
 * Alipay reads an open-API request's timestamp as Beijing time. alipay-sdk would write the server's local
 * time; the shop's requests carry Beijing time whatever the server's zone (here New York's).
 */

let database: TestDatabaseHandle;
let keys: SandboxAlipayKeys;
let sandbox: RunningServer;
const received: string[] = [];
const zoneBefore = process.env.TZ;

beforeAll(async () => {
  process.env.TZ = "America/New_York";
  database = await createTestDatabase();
  keys = await sandboxAlipayKeys(database.db);
  sandbox = await serve(async (request) => {
    const form = new URLSearchParams(await request.text());
    const url = new URL(request.url);
    received.push(url.searchParams.get("timestamp") ?? form.get("timestamp") ?? "");
    return handleOpenApi({ db: database.db, keys, now: new Date() }, url, form);
  });
});

afterAll(async () => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
  await sandbox?.close();
  await database?.close();
});

describe("the open API's timestamp", () => {
  it("is Beijing wall-clock time of the instant, and reads back to it", () => {
    expect(openApiTimestamp(new Date("2026-12-02T18:30:05Z"))).toBe("2026-12-03 02:30:05");
    expect(instantOfOpenApiTimestamp("2026-12-03 02:30:05")).toEqual(new Date("2026-12-02T18:30:05Z"));
    for (const junk of ["2026-02-31 10:00:00", "2026-12-03T02:30:05", "2026-12-03 24:00:00", ""])
      expect(instantOfOpenApiTimestamp(junk), junk).toBeNull();
  });

  it("a request from a server in New York carries Beijing time, and the sandbox takes it", async () => {
    // The zone really is New York's here: local wall-clock time is not Beijing's.
    expect(new Date().getTimezoneOffset()).toBeGreaterThanOrEqual(240);
    const code = await issueAuthCode(database.db, SANDBOX_ALIPAY_APP_ID, "auth_base", new Date());
    const before = Date.now();
    const outcome = await exchangeAuthCode(
      {
        appId: SANDBOX_ALIPAY_APP_ID,
        privateKey: keys.appPrivateKey,
        keyType: "PKCS8",
        alipayPublicKey: keys.alipayPublicKey,
        gateway: `${sandbox.url}/gateway.do`,
      },
      code,
    );
    expect(outcome.kind).toBe("linked");
    expect(received).toHaveLength(1);
    const stamped = instantOfOpenApiTimestamp(received[0]!);
    expect(stamped).not.toBeNull();
    // Whole seconds: the stamp falls within the second the request left, as Beijing reads it.
    expect(stamped!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(stamped!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("the sandbox, like Alipay, refuses a rightly signed request stamped in another zone's time", async () => {
    const utcWallClock = new Date().toISOString().slice(0, 19).replace("T", " ");
    const params: Record<string, string> = {
      app_id: SANDBOX_ALIPAY_APP_ID,
      method: "alipay.system.oauth.token",
      charset: "utf-8",
      sign_type: "RSA2",
      timestamp: utcWallClock,
      version: "1.0",
      grant_type: "authorization_code",
      code: "abcdefgh1234",
    };
    params.sign = createSign("RSA-SHA256").update(signContent(params), "utf8").sign(keys.appPrivateKey, "base64");
    const answer = await handleOpenApi(
      { db: database.db, keys, now: new Date() },
      new URL(`${sandbox.url}/gateway.do`),
      new URLSearchParams(params),
    );
    expect(answer.status).toBe(400);
    expect(JSON.parse(await answer.text()).error_response).toMatchObject({ sub_code: "isv.invalid-timestamp" });
  });
});
