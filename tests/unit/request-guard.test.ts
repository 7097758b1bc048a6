import { readdirSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { refuseBadRequest } from "@/lib/web/request-guard";

/*
 * The proxy's guard on crafted requests. Only public facts are sent: methods, Origin and Host, lengths and
 * multipart bodies with fields of no meaning to React. None of React's field names appear here, so a React
 * upgrade that changes how actions are encoded leaves these tests as they are.
 */

const SITE = "http://shop.test";
const nextConfig = createRequire(import.meta.url)("../../next.config.js") as {
  experimental?: { serverActions?: { bodySizeLimit?: unknown } };
};
const LIMIT = nextConfig.experimental?.serverActions?.bodySizeLimit;

function post(path: string, body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request(`${SITE}${path}`, {
    method: "POST",
    body,
    headers: { Host: "shop.test", Origin: SITE, ...headers },
  });
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** A multipart body of exactly `size` bytes, sent in pieces with no Content-Length, as a chunked upload is. */
async function chunked(size: number): Promise<Request> {
  const encoded = new Response(form({ note: "" }));
  const type = encoded.headers.get("content-type")!;
  const boundary = type.split("boundary=")[1]!;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const bytes = new TextEncoder().encode(head + "x".repeat(size - head.length - tail.length) + tail);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.slice(at, at + 64 * 1024));
      controller.close();
    },
  });
  return new Request(`${SITE}/`, {
    method: "POST",
    body: stream,
    duplex: "half",
    headers: { Host: "shop.test", Origin: SITE, "Content-Type": type },
  } as RequestInit);
}

async function status(request: Request): Promise<number | null> {
  return (await refuseBadRequest(request))?.status ?? null;
}

describe("the request guard", () => {
  it("lets the shop's own requests through: pages read, forms posted from the site, action calls", async () => {
    expect(await status(new Request(`${SITE}/products/jasmine-pearls`))).toBeNull();
    expect(await status(post("/checkout", form({ email: "shopper@example.com" })))).toBeNull();
    expect(
      await status(post("/", "[]", { "Next-Action": "any-id", "Content-Type": "text/plain;charset=UTF-8" })),
    ).toBeNull();
    expect(
      await status(post("/", form({ a: "1" }), { "x-forwarded-host": "shop.test", Host: "internal:3000" })),
    ).toBeNull();
    // No Origin at all: a script, not a browser; Next lets it through too.
    expect(await status(new Request(`${SITE}/`, { method: "POST", body: form({ a: "1" }) }))).toBeNull();
  });

  it("refuses a path whose %-escapes do not decode, /api included", async () => {
    expect(await status(new Request(`${SITE}/orders/%ZZ`))).toBe(400);
    expect(await status(new Request(`${SITE}/api/orders/%ZZ/status`))).toBe(400);
  });

  it("leaves the methods of route handlers to them, and refuses other methods on pages", async () => {
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const refused = await refuseBadRequest(new Request(`${SITE}/checkout`, { method, body: form({ a: "1" }) }));
      expect(refused?.status, method).toBe(405);
      expect(refused?.headers.get("allow")).toBe("GET, HEAD, POST");
      expect(await status(new Request(`${SITE}/sandbox/stock`, { method, body: "{}" })), method).toBeNull();
    }
    expect(await status(new Request(`${SITE}/api/orders/x/status`, { method: "DELETE" }))).toBeNull();
  });

  it("refuses a post from another site, from a sandboxed frame (Origin null) and from no URL at all", async () => {
    for (const origin of [
      "https://evil.example",
      `${SITE}.evil.example`,
      "http://shop.test:8080",
      "null",
      "http://[",
      "file://",
    ]) {
      expect(await status(post("/", form({ a: "1" }), { Origin: origin })), origin).toBe(403);
      expect(await status(post("/", "[]", { Origin: origin, "Next-Action": "any-id" })), origin).toBe(403);
    }
  });

  it("takes only forms on a page: JSON, urlencoded or plain text posts are refused", async () => {
    expect(await status(post("/", JSON.stringify({ a: 1 }), { "Content-Type": "application/json" }))).toBe(415);
    expect(await status(post("/", new URLSearchParams({ a: "1" })))).toBe(415);
    expect(await status(post("/checkout", "email=x", { "Content-Type": "text/plain" }))).toBe(415);
    // A route handler judges its own bodies.
    expect(
      await status(post("/sandbox/qfpay/trade/v1/payment", "{}", { "Content-Type": "application/json" })),
    ).toBeNull();
  });

  it("leaves every route handler of the app to judge its own bodies", async () => {
    // Found on disk, so that a route added later (CBTIS's stand-in was refused 415 this way) is held to it too.
    const routes = readdirSync("app", { recursive: true, encoding: "utf8" })
      .filter((file) => /(^|\/)route\.ts$/.test(file))
      .map((file) => `/${path.dirname(file).replace(/\[(\.\.\.)?[^\]]+\]/g, "x")}`);
    expect(routes).toEqual(expect.arrayContaining(["/sandbox/cbtis/control", "/sandbox/qfpay/control"]));
    for (const route of routes)
      expect(await status(post(route, "{}", { "Content-Type": "application/json" })), route).toBeNull();
  });

  it("refuses multipart that does not parse as multipart", async () => {
    const boundary = "----guard-test";
    expect(
      await status(
        post("/", `--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\nhalf`, {
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
        }),
      ),
    ).toBe(400);
    expect(await status(post("/", "a=1", { "Content-Type": "multipart/form-data" }))).toBe(400);
  });

  it("holds action bodies to next.config.js's serverActions.bodySizeLimit, by Content-Length and by counting a chunked body", async () => {
    expect(typeof LIMIT).toBe("number");
    const limit = LIMIT as number;
    expect(await status(post("/", "[]", { "Next-Action": "any-id", "Content-Length": String(limit + 1) }))).toBe(413);
    expect(
      await status(post("/", "x".repeat(limit + 1), { "Next-Action": "any-id", "Content-Type": "text/plain" })),
    ).toBe(413);
    expect(await status(await chunked(limit + 1))).toBe(413);
    expect(await status(await chunked(limit))).toBeNull();
    expect(
      await status(post("/", "x".repeat(limit), { "Next-Action": "any-id", "Content-Type": "text/plain" })),
    ).toBeNull();
  });
});
