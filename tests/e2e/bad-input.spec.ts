import { createSign, generateKeyPairSync, randomInt } from "node:crypto";
import { expect, request, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { openApiTimestamp } from "../../lib/alipay/open-api-time";
import { formatGatewayTime } from "../../lib/qfpay/gateway-time";
import { signNotificationBody } from "../../lib/qfpay/notification";
import { signParams } from "../../lib/qfpay/sign";
import { SANDBOX_APP_CODE, SANDBOX_CLIENT_KEY } from "../../lib/sandbox/credentials";
import { addToCart } from "./shop";

/*
 * Bad input everywhere: every server action and route handler of the shop is fed malformed, oversized,
 * wrong-typed and hostile input, table by table, over real HTTP the way a browser without JavaScript
 * (or a script) sends it: the pages' own forms, their hidden `$ACTION_*` fields kept or tampered with.
 * Each answer must be a clear 4xx, a form error on the page, or (for the forms that are designed to
 * send the visitor elsewhere) a 303 away, never a 5xx; and what the app itself shows afterwards (the
 * cart page, the order's status, the admin's order story, the sandbox's transaction) must not move.
 */

test.describe.configure({ mode: "parallel" });

const PASSWORD = "e2e-admin-password";
const CRON_SECRET = "e2e-cron-secret-0123456789";
const JASMINE_SKU = "TEA-JAS-50";
const NUL = "\u0000";
const RTL = "\u202e";
const MEGA = "x".repeat(1024 * 1024 + 10);

type Value = string | File;
type Fields = [string, Value][];

function address(): string {
  return `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}`;
}

function decodeEntities(text: string): string {
  return text
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/** The hidden fields of the first form on the page that contains `marker`. */
function formWith(html: string, marker: string): Fields {
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)]
    .map(([text]) => text)
    .find((text) => text.includes(marker));
  if (!form) throw new Error(`no form with ${marker} on the page`);
  return [...form.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)].flatMap(([input]) => {
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    return name === undefined
      ? []
      : [[decodeEntities(name), decodeEntities(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? "")] as [string, Value]];
  });
}

/** `fields` with some replaced: a value, several values (the field sent more than once), or null (left out). */
function withFields(fields: Fields, changes: Record<string, Value | Value[] | null>): Fields {
  const kept = fields.filter(([name]) => !(name in changes));
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) kept.push([name, one]);
  }
  return kept;
}

/** The form's server action id, from its `$ACTION_n:0` field. */
function actionIdOf(fields: Fields): string {
  const meta = fields.find(([name]) => /^\$ACTION_\d+:0$/.test(name))?.[1];
  return (JSON.parse(String(meta)) as { id: string }).id;
}

/** The form with its bound arguments (`$ACTION_n:1`, what `.bind()` put there) replaced by `json`. */
function withBound(fields: Fields, json: string): Fields {
  return fields.map(([name, value]) => (/^\$ACTION_\d+:1$/.test(name) ? [name, json] : [name, value]));
}

/**
 * A status for a body React's decoder throws on, for an action that exists, that the guard's fail-open
 * stopgap (lib/web/undecodable-action-body.ts) does not recognise: text that is not JSON-shaped at all,
 * a row that refers to itself. The action never runs, and Next 16.4 answers 500 (vercel/next.js#86945),
 * so these are held to "refused, nothing changes"; the bodies the stopgap does recognise are held to 400.
 */
function expectRefused(status: number, name: string): void {
  expect.soft(status, name).toBeGreaterThanOrEqual(400);
}

function file(text = "not a field"): File {
  return new File([text], "evil.txt", { type: "text/plain" });
}

function locationOf(response: APIResponse): string {
  return new URL(response.headers()["location"] ?? "", "http://x").pathname;
}

/** The text of the page's live regions (role status or alert), where every form says what went wrong. */
function announced(html: string): string {
  return [...html.matchAll(/<(?:p|span)\b[^>]*role="(?:status|alert)"[^>]*>([\s\S]*?)<\/(?:p|span)>/g)]
    .map(([, text]) => decodeEntities(text!.replace(/<[^>]+>/g, "")))
    .join(" | ");
}

/** One client of the shop over plain HTTP, with its own cookies and address (rate limits count per address). */
class Visitor {
  private constructor(
    readonly api: APIRequestContext,
    readonly baseURL: string,
  ) {}

  static async open(baseURL: string, cookies: Record<string, string> = {}): Promise<Visitor> {
    const host = new URL(baseURL).hostname;
    const api = await request.newContext({
      baseURL,
      extraHTTPHeaders: { "x-forwarded-for": address() },
      storageState: {
        cookies: Object.entries(cookies).map(([name, value]) => ({
          name,
          value,
          domain: host,
          path: "/",
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: "Lax" as const,
        })),
        origins: [],
      },
    });
    return new Visitor(api, baseURL);
  }

  get(path: string, headers: Record<string, string> = {}): Promise<APIResponse> {
    return this.api.get(path, { headers, maxRedirects: 0 });
  }

  async html(path: string): Promise<string> {
    const response = await this.get(path);
    expect(response.status(), `GET ${path}`).toBe(200);
    return response.text();
  }

  /** A form post, as a browser without JavaScript sends it (Next checks that Origin is this site). */
  post(path: string, fields: Fields, headers: Record<string, string> = {}): Promise<APIResponse> {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    return this.api.post(path, { multipart: form, headers: { Origin: this.baseURL, ...headers }, maxRedirects: 0 });
  }

  /** A server action called the way the page's JavaScript calls it: `Next-Action` and the arguments as the body. */
  call(
    path: string,
    actionId: string,
    body: string | FormData,
    headers: Record<string, string> = {},
  ): Promise<APIResponse> {
    const common = {
      headers: { Origin: this.baseURL, "Next-Action": actionId, Accept: "text/x-component", ...headers },
      maxRedirects: 0,
    };
    return typeof body === "string"
      ? this.api.post(path, {
          ...common,
          data: body,
          headers: { ...common.headers, "Content-Type": "text/plain;charset=UTF-8" },
        })
      : this.api.post(path, { ...common, multipart: body });
  }

  /** What the cart page shows: the header's count and the total. */
  async cart(): Promise<string> {
    const html = await this.html("/cart");
    const count = /aria-label="Cart, (\d+) items?"/.exec(html)?.[1];
    const total = /Total <strong>([^<]*)<\/strong>/.exec(html)?.[1] ?? "no total";
    return `${count} items, ${total}`;
  }

  /** What the order's live status says, and which payment page it offers. */
  async order(orderId: string): Promise<string> {
    const status = await this.get(`/api/orders/${orderId}/status`);
    expect(status.status()).toBe(200);
    const { state, attemptState } = (await status.json()) as { state: string; attemptState: string | null };
    return `${state}/${attemptState} ${payUrlIn(await this.html(`/orders/${orderId}`)) ?? "no payment page"}`;
  }

  dispose(): Promise<void> {
    return this.api.dispose();
  }
}

function payUrlIn(html: string): string | null {
  return /href="([^"]*\/sandbox\/cashier\/\d{26})"/.exec(html)?.[1] ?? null;
}

async function addJasmine(visitor: Visitor): Promise<void> {
  const response = await visitor.post("/", formWith(await visitor.html("/"), `value="${JASMINE_SKU}"`));
  expect(response.status()).toBe(200);
  expect(announced(await response.text())).toContain("Added Jasmine Pearls");
}

/** Cart to order, as a shopper without JavaScript: the order's id and its sandbox transaction. */
async function placeOrder(
  visitor: Visitor,
  wallet: "alipayhk" | "alipay" = "alipayhk",
): Promise<{ orderId: string; syssn: string }> {
  await addJasmine(visitor);
  const fields = formWith(await visitor.html("/checkout"), 'name="email"');
  const response = await visitor.post(
    "/checkout",
    withFields(fields, { email: "shopper@example.com", device: "desktop", wallet }),
  );
  expect(response.status()).toBe(303);
  const orderId = locationOf(response).split("/")[2]!;
  const payUrl = payUrlIn(await visitor.html(`/orders/${orderId}`));
  expect(payUrl).not.toBeNull();
  return { orderId, syssn: payUrl!.split("/").at(-1)! };
}

async function control(visitor: Visitor, command: Record<string, unknown>): Promise<void> {
  const response = await visitor.api.post("/sandbox/qfpay/control", { data: command });
  expect(response.status(), JSON.stringify(command)).toBe(200);
}

/** What the sandbox holds for a transaction: its code and how many refunds it has. */
async function transaction(visitor: Visitor, syssn: string): Promise<string> {
  const response = await visitor.get(`/sandbox/qfpay/control?syssn=${syssn}`);
  expect(response.status()).toBe(200);
  const { transaction: tx, refunds } = (await response.json()) as {
    transaction: { respcd: string; outTradeNo: string };
    refunds: unknown[];
  };
  return `${tx.respcd}, ${refunds.length} refunds`;
}

async function outTradeNoOf(visitor: Visitor, syssn: string): Promise<string> {
  const response = await visitor.get(`/sandbox/qfpay/control?syssn=${syssn}`);
  return ((await response.json()) as { transaction: { outTradeNo: string } }).transaction.outTradeNo;
}

async function waitForState(visitor: Visitor, orderId: string, state: string): Promise<void> {
  await expect
    .poll(
      async () => ((await (await visitor.get(`/api/orders/${orderId}/status`)).json()) as { state: string }).state,
      { timeout: 10_000 },
    )
    .toBe(state);
}

async function signedInAdmin(baseURL: string): Promise<Visitor> {
  const admin = await Visitor.open(baseURL);
  const response = await admin.post(
    "/admin",
    withFields(formWith(await admin.html("/admin"), "$ACTION_KEY"), { password: PASSWORD }),
  );
  expect(response.status()).toBe(303);
  expect(await admin.html("/admin")).toContain(">Orders</h1>");
  return admin;
}

/** What the admin's order story shows: state, review flag, attempts, refunds and how many transitions it holds. */
async function story(admin: Visitor, orderId: string): Promise<string> {
  const html = await admin.html(`/admin/orders/${orderId}`);
  // The state's words follow its icon.
  const state = /class="order-status[^"]*">(?:<svg[\s\S]*?<\/svg>)?([^<]*)</.exec(html)?.[1];
  const section = (id: string) => html.split(`id="${id}"`)[1]?.split("</section>")[0] ?? "";
  const rows = (text: string) => (text.match(/<tr\b/g)?.length ?? 1) - 1;
  const events = section("events-title").match(/<li\b/g)?.length ?? 0;
  return `${state}, review ${html.includes('id="review-title"')}, ${rows(section("attempts-title"))} attempts, ${rows(section("refunds-title"))} refunds, ${events} events`;
}

interface FormCase {
  name: string;
  fields: Record<string, Value | Value[] | null>;
}

test("cart and checkout: bad fields get a form error, and the cart stays as it was", async ({ baseURL }) => {
  const shopper = await Visitor.open(baseURL!);
  await addJasmine(shopper);
  const before = await shopper.cart();
  expect(before).toBe("1 items, HK$128.00");

  // addToCartAction, from the product page's form (sku hidden, quantity a select of 1 to 10).
  const product = withFields(formWith(await shopper.html("/products/jasmine-pearls"), "$ACTION_KEY"), { qty: "1" });
  const addCases: FormCase[] = [
    { name: "no sku", fields: { sku: null } },
    { name: "empty sku", fields: { sku: "" } },
    { name: "unknown sku", fields: { sku: "TEA-NOPE-1" } },
    { name: "SQL in the sku", fields: { sku: "TEA-JAS-50' OR '1'='1" } },
    { name: "HTML in the sku", fields: { sku: "<script>alert(1)</script>" } },
    { name: "path traversal as sku", fields: { sku: "../../../etc/passwd" } },
    { name: "NUL in the sku", fields: { sku: `${JASMINE_SKU}${NUL}` } },
    { name: "right-to-left override in the sku", fields: { sku: `${RTL}${JASMINE_SKU}` } },
    { name: "100 KB sku", fields: { sku: "S".repeat(100_000) } },
    { name: "a file as sku", fields: { sku: file(JASMINE_SKU) } },
    { name: "sku twice, junk first", fields: { sku: ["NOPE", JASMINE_SKU] } },
    ...[
      "0",
      "-1",
      "21",
      "1e9",
      "1e1",
      "0x10",
      "NaN",
      "Infinity",
      "1.5",
      "",
      " 2 ",
      "١",
      "2; DROP TABLE orders",
      "99999999999999999999",
    ].map((qty) => ({ name: `quantity ${JSON.stringify(qty)}`, fields: { qty } })),
    { name: "a file as quantity", fields: { qty: file("1") } },
    { name: "quantity twice, junk first", fields: { qty: ["abc", "1"] } },
  ];
  for (const { name, fields } of addCases) {
    const response = await shopper.post("/products/jasmine-pearls", withFields(product, fields));
    expect.soft(response.status(), `add to cart, ${name}`).toBe(200);
    expect
      .soft(announced(await response.text()), `add to cart, ${name}`)
      .toMatch(/Choose a quantity from 1 to 20\.|That product is not in our catalog\./);
  }
  expect(await shopper.cart()).toBe(before);

  // startCheckoutAction: email, "Where will you pay?" radios, one submit button per wallet.
  const checkout = withFields(formWith(await shopper.html("/checkout"), 'name="email"'), {
    email: "shopper@example.com",
    device: "desktop",
    wallet: "alipayhk",
  });
  const emailError = /Enter the email address for your receipt\./;
  const payError = /Choose how to pay\./;
  const checkoutCases: (FormCase & { error: RegExp })[] = [
    { name: "no email", fields: { email: null }, error: emailError },
    { name: "empty email", fields: { email: "" }, error: emailError },
    { name: "spaces for email", fields: { email: "   " }, error: emailError },
    { name: "not an email", fields: { email: "not-an-email" }, error: emailError },
    { name: "300-character email", fields: { email: `${"a".repeat(290)}@example.com` }, error: emailError },
    { name: "NUL in the email", fields: { email: `shop${NUL}per@example.com` }, error: emailError },
    { name: "right-to-left override in the email", fields: { email: `${RTL}shopper@example.com` }, error: emailError },
    { name: "HTML as email", fields: { email: "<script>alert(1)</script>@example.com" }, error: emailError },
    { name: "SQL as email", fields: { email: "x' OR '1'='1'; --@example.com" }, error: emailError },
    { name: "a file as email", fields: { email: file("shopper@example.com") }, error: emailError },
    { name: "email twice, junk first", fields: { email: ["nope", "shopper@example.com"] }, error: emailError },
    { name: "no wallet", fields: { wallet: null }, error: payError },
    { name: "empty wallet", fields: { wallet: "" }, error: payError },
    { name: "unknown wallet", fields: { wallet: "wechat" }, error: payError },
    { name: "wallet in capitals", fields: { wallet: "ALIPAYHK" }, error: payError },
    { name: "10 KB wallet", fields: { wallet: "w".repeat(10_000) }, error: payError },
    { name: "wallet twice, junk first", fields: { wallet: ["bitcoin", "alipayhk"] }, error: payError },
    { name: "a file as wallet", fields: { wallet: file("alipayhk") }, error: payError },
    { name: "no device", fields: { device: null }, error: payError },
    { name: "unknown device", fields: { device: "tablet" }, error: payError },
    { name: "NUL after the device", fields: { device: `desktop${NUL}` }, error: payError },
  ];
  for (const { name, fields, error } of checkoutCases) {
    const response = await shopper.post("/checkout", withFields(checkout, fields));
    expect.soft(response.status(), `checkout, ${name}`).toBe(200);
    const html = await response.text();
    expect.soft(announced(html), `checkout, ${name}`).toMatch(error);
    expect
      .soft(html.includes("<script>alert(1)</script>"), `checkout, ${name}: the email is echoed escaped`)
      .toBe(false);
  }
  // A placed order would have emptied the cart.
  expect(await shopper.cart()).toBe(before);

  // The same two actions called as the page's JavaScript calls them, with arguments of the wrong type.
  const wrongTypes = [
    "[]",
    "[null,null]",
    '[{"status":"idle","message":""},"shopper@example.com"]',
    "[1,2,3]",
    '[{"status":"idle"},{"sku":"TEA-JAS-50","qty":"1"}]',
  ];
  for (const [path, fields, error] of [
    ["/products/jasmine-pearls", product, /Choose a quantity from 1 to 20\./],
    ["/checkout", checkout, /Enter the email address for your receipt\./],
  ] as const) {
    for (const body of wrongTypes) {
      const response = await shopper.call(path, actionIdOf(fields), body);
      expect.soft(response.status(), `${path} called with ${body}`).toBe(200);
      expect.soft(await response.text(), `${path} called with ${body}`).toMatch(error);
    }
  }
  expect(await shopper.cart()).toBe(before);
  await shopper.dispose();
});

test("cart page: quantity changes with bad values are refused, as the page's JavaScript sends them", async ({
  page,
  baseURL,
}) => {
  await addToCart(page);
  await page.goto("/cart");
  await expect(page.getByRole("link", { name: "Cart, 1 item" })).toBeVisible();

  // updateCartQuantityAction has no form without JavaScript: catch the page's own call and keep it from the server.
  let captured: { actionId: string; contentType: string; body: Buffer } | undefined;
  await page.route("**/cart", async (route) => {
    const sent = route.request();
    if (sent.method() !== "POST") return route.continue();
    captured = {
      actionId: (await sent.headerValue("next-action"))!,
      contentType: (await sent.headerValue("content-type"))!,
      body: sent.postDataBuffer()!,
    };
    await route.abort();
  });
  await page.getByLabel("Quantity of Jasmine Pearls, 50 g").selectOption("3");
  await expect.poll(() => captured).toBeDefined();
  await page.unroute("**/cart");
  const original = await new Response(new Uint8Array(captured!.body), {
    headers: { "Content-Type": captured!.contentType },
  }).formData();
  const skuField = [...original.keys()].find((name) => name.endsWith("_sku"))!;
  const qtyField = [...original.keys()].find((name) => name.endsWith("_qty"))!;
  expect(original.get(skuField)).toBe(JASMINE_SKU);

  // The browser's own cookies, sent the way its JavaScript sends the call.
  const headers = { Origin: baseURL!, "Next-Action": captured!.actionId, Accept: "text/x-component" };
  const call = (body: string | FormData) =>
    typeof body === "string"
      ? page.request.post("/cart", {
          headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" },
          data: body,
          maxRedirects: 0,
        })
      : page.request.post("/cart", { headers, multipart: body, maxRedirects: 0 });
  function variant(changes: Record<string, Value | null>): FormData {
    const form = new FormData();
    for (const [name, value] of original) if (!(name in changes)) form.append(name, value);
    for (const [name, value] of Object.entries(changes)) if (value !== null) form.append(name, value);
    return form;
  }
  const cases: { name: string; body: string | FormData }[] = [
    ...["", "-1", "21", "1e1", "0x10", "NaN", "1.5", " 2 ", "2e0", "١"].map((qty) => ({
      name: `quantity ${JSON.stringify(qty)}`,
      body: variant({ [qtyField]: qty }),
    })),
    { name: "no quantity (it used to read as 0 and remove the line)", body: variant({ [qtyField]: null }) },
    { name: "a file as quantity", body: variant({ [qtyField]: file("2") }) },
    { name: "unknown sku", body: variant({ [skuField]: "TEA-NOPE-1", [qtyField]: "2" }) },
    { name: "NUL in the sku", body: variant({ [skuField]: `${JASMINE_SKU}${NUL}`, [qtyField]: "2" }) },
    { name: "no sku", body: variant({ [skuField]: null, [qtyField]: "0" }) },
    { name: "no form at all", body: '[{"status":"idle","message":""}]' },
    { name: "a string instead of the form", body: '[{"status":"idle","message":""},"TEA-JAS-50"]' },
    { name: "an object instead of the form", body: '[null,{"sku":"TEA-JAS-50","qty":"0"}]' },
  ];
  for (const { name, body } of cases) {
    const response = await call(body);
    expect.soft(response.status(), name).toBe(200);
    expect
      .soft(await response.text(), name)
      .toMatch(/Quantities go from 0 to 20\.|That product is not in our catalog\./);
  }
  await page.goto("/cart");
  await expect(page.getByRole("link", { name: "Cart, 1 item" })).toBeVisible();
  await expect(page.getByText("HK$128.00").first()).toBeVisible();
});

test("checkout in a browser: tampered inputs show a visible form error and place no order", async ({ page }) => {
  await addToCart(page);
  await page.goto("/checkout");
  const formStatus = page.locator(".checkout-form [role=status]");
  const tamperings: { name: string; tamper: string; emailError: boolean }[] = [
    {
      name: "a 300-character email",
      tamper: `document.querySelector("#email").value = "a".repeat(290) + "@example.com"`,
      emailError: true,
    },
    {
      name: "HTML as email",
      tamper: `document.querySelector("#email").value = "<img src=x onerror=alert(1)>@example.com"`,
      emailError: true,
    },
    {
      name: "a NUL in the email",
      tamper: `document.querySelector("#email").value = "shop\\u0000per@example.com"`,
      emailError: true,
    },
    {
      name: "radios set to an unknown device",
      tamper: `document.querySelector("#email").value = "shopper@example.com"; for (const r of document.querySelectorAll('input[name="device"]')) r.value = "fridge"`,
      emailError: false,
    },
    {
      name: "the wallet button set to another wallet",
      tamper: `document.querySelector("#email").value = "shopper@example.com"; document.querySelector('button[name="wallet"]').value = "wechat"`,
      emailError: false,
    },
  ];
  for (const { name, tamper, emailError } of tamperings) {
    // Tamper once React has hydrated the form (it then holds its fiber): hydration would put the radios'
    // values back (on a slow machine it came after the tampering, and a valid order went through).
    await page.reload();
    await page.waitForFunction(() =>
      Object.keys(document.querySelector(".checkout-form") ?? {}).some((key) => key.startsWith("__reactFiber")),
    );
    await page.evaluate(tamper);
    await page.getByRole("button", { name: "Pay with AlipayHK", exact: true }).click();
    await expect
      .soft(formStatus, name)
      .toHaveText(emailError ? "Enter the email address for your receipt." : "Choose how to pay.");
    if (emailError)
      await expect.soft(page.locator("#email-error"), name).toHaveText("Enter an email address like name@example.com.");
    await expect(page).toHaveURL(/\/checkout$/);
  }
  await page.goto("/cart");
  await expect(page.getByRole("link", { name: "Cart, 1 item" })).toBeVisible();
});

test("order page: retry and pay-again forms refuse tampered fields and bound ids; no order moves", async ({
  baseURL,
}) => {
  const owner = await Visitor.open(baseURL!);
  const stranger = await Visitor.open(baseURL!);
  const { orderId } = await placeOrder(owner);
  const expired = await placeOrder(owner);
  await control(owner, { action: "expire", syssn: expired.syssn });
  await waitForState(owner, expired.orderId, "expired");

  const orderPage = `/orders/${orderId}`;
  const retry = formWith(await owner.html(orderPage), 'name="wallet" value="alipay"');
  const payAgain = formWith(await owner.html(`/orders/${expired.orderId}`), "$ACTION_REF_");
  const before = {
    order: await owner.order(orderId),
    expired: await owner.order(expired.orderId),
    ownerCart: await owner.cart(),
    strangerCart: await stranger.cart(),
  };
  // The cart is kept until it is paid for: the second order's 2 jars (the first order's, plus one), expired.
  expect(before.ownerCart).toBe("2 items, HK$256.00");

  // retryPaymentAction(orderId, token, form): the owner's own order with bad fields goes back to the order page.
  const fieldCases: FormCase[] = [
    { name: "no wallet", fields: { wallet: null } },
    { name: "unknown wallet", fields: { wallet: "wechat" } },
    { name: "wallet twice, junk first", fields: { wallet: ["x", "alipay"] } },
    { name: "a file as wallet", fields: { wallet: file("alipay") } },
    { name: "no device", fields: { device: null } },
    { name: "unknown device", fields: { device: "tablet" } },
    { name: "NUL in the device", fields: { device: `mobile${NUL}` } },
    { name: "900 KB device", fields: { device: "d".repeat(900_000) } },
  ];
  for (const { name, fields } of fieldCases) {
    const response = await owner.post(orderPage, withFields(retry, fields));
    expect.soft(response.status(), `retry, ${name}`).toBe(303);
    expect.soft(locationOf(response), `retry, ${name}`).toBe(orderPage);
  }

  // The bound order id and token come back from the page: tampered, they lead nowhere (home), whoever sends them.
  const boundCases: { name: string; by: Visitor; bound: string }[] = [
    { name: "the id as an array", by: owner, bound: JSON.stringify([[orderId], "$undefined"]) },
    { name: "the id as an object", by: owner, bound: JSON.stringify([{ id: orderId }, "$undefined"]) },
    { name: "the id as a number", by: owner, bound: JSON.stringify([12345, "$undefined"]) },
    { name: "path traversal as id", by: owner, bound: JSON.stringify(["../../admin/orders.csv", "$undefined"]) },
    { name: "an id of 5000 characters", by: owner, bound: JSON.stringify(["A".repeat(5000), "$undefined"]) },
    { name: "an id with a NUL", by: owner, bound: JSON.stringify([`${orderId.slice(0, 21)}${NUL}`, "$undefined"]) },
    { name: "an order that does not exist", by: owner, bound: JSON.stringify(["A".repeat(22), "$undefined"]) },
    { name: "someone else's order", by: stranger, bound: JSON.stringify([orderId, "$undefined"]) },
    {
      name: "someone else's order with a forged token",
      by: stranger,
      bound: JSON.stringify([orderId, "A".repeat(32)]),
    },
    {
      name: "someone else's order with the token as an array",
      by: stranger,
      bound: JSON.stringify([orderId, ["A".repeat(32)]]),
    },
    {
      name: "someone else's order with the token as an object",
      by: stranger,
      bound: JSON.stringify([orderId, { length: 32 }]),
    },
  ];
  for (const { name, by, bound } of boundCases) {
    const response = await by.post(orderPage, withBound(retry, bound));
    expect.soft(response.status(), `retry, ${name}`).toBe(303);
    expect.soft(locationOf(response), `retry, ${name}`).toBe("/");
    const again = await by.post(
      `/orders/${expired.orderId}`,
      withBound(payAgain, bound.replace(orderId, expired.orderId)),
    );
    expect.soft(again.status(), `pay again, ${name}`).toBe(303);
    expect.soft(locationOf(again), `pay again, ${name}`).toBe("/");
  }

  // Bound arguments React decodes into an order id that is no string: the action sends them home.
  for (const bound of ['"x"', '["$n1","$undefined"]', '["$@9"]', '{"0":"x"}']) {
    for (const [path, fields] of [
      [orderPage, retry],
      [`/orders/${expired.orderId}`, payAgain],
    ] as const) {
      const response = await owner.post(path, withBound(fields, bound));
      expect.soft(response.status(), `${path}: bound arguments ${bound}`).toBe(303);
      expect.soft(locationOf(response), `${path}: bound arguments ${bound}`).toBe("/");
    }
  }
  // Bound arguments React's decoder cannot read: refused before any action runs, with 400 where the
  // guard's stopgap recognises them (a Map of row 1 is a Map of the bound arguments themselves: it does not).
  for (const bound of ["[", "null", '["$Q2","$undefined"]', '["$Q1","$undefined"]']) {
    for (const [path, fields] of [
      [orderPage, retry],
      [`/orders/${expired.orderId}`, payAgain],
    ] as const) {
      const status = (await owner.post(path, withBound(fields, bound))).status();
      if (bound.includes("$Q1")) expectRefused(status, `${path}: bound arguments ${bound}`);
      else expect.soft(status, `${path}: bound arguments ${bound}`).toBe(400);
    }
  }

  // As the page's JavaScript calls them, with arguments of the wrong type.
  for (const body of [
    `[["${orderId}"],null]`,
    "[null,null]",
    "[]",
    `["${orderId}","$undefined"]`,
    `["${orderId}","$undefined",{"wallet":"alipay","device":"desktop"}]`,
    `[123,456,789]`,
  ]) {
    const response = await owner.call(orderPage, actionIdOf(retry), body);
    expect.soft(response.status(), `retry called with ${body}`).toBe(200);
    const again = await stranger.call(
      `/orders/${expired.orderId}`,
      actionIdOf(payAgain),
      body.replaceAll(orderId, expired.orderId),
    );
    expect.soft(again.status(), `pay again called with ${body}`).toBe(200);
  }

  expect({
    order: await owner.order(orderId),
    expired: await owner.order(expired.orderId),
    ownerCart: await owner.cart(),
    strangerCart: await stranger.cart(),
  }).toEqual(before);
  await owner.dispose();
  await stranger.dispose();
});

test("admin: sign-in refuses bad passwords without letting anyone in", async ({ baseURL }) => {
  const visitor = await Visitor.open(baseURL!);
  const signIn = formWith(await visitor.html("/admin"), "$ACTION_KEY");
  const cases: FormCase[] = [
    { name: "no password", fields: { password: null } },
    { name: "empty password", fields: { password: "" } },
    { name: "a file as password", fields: { password: file(PASSWORD) } },
    { name: "the password with a NUL", fields: { password: `${PASSWORD}${NUL}` } },
    { name: "SQL as password", fields: { password: "' OR '1'='1" } },
    { name: "100 KB password", fields: { password: "p".repeat(100_000) } },
    { name: "password twice, wrong first", fields: { password: ["wrong", PASSWORD] } },
  ];
  for (const { name, fields } of cases) {
    const response = await visitor.post("/admin", withFields(signIn, fields));
    expect.soft(response.status(), name).toBe(200);
    // Five failures lock this client out: the rest are refused for that.
    expect
      .soft(announced(await response.text()), name)
      .toMatch(/That password is not right\.|Too many failed sign-ins/);
  }
  for (const body of ["[]", "[null,null]", `[{"error":""},"${PASSWORD}"]`]) {
    const response = await visitor.call("/admin", actionIdOf(signIn), body);
    expect.soft(response.status(), `sign-in called with ${body}`).toBe(200);
  }
  expect((await visitor.api.storageState()).cookies.map((cookie) => cookie.name)).not.toContain("shop_admin");
  const html = await visitor.html("/admin");
  expect(html).toContain('id="password"');
  expect(html).not.toContain(">Orders</h1>");
  await visitor.dispose();
});

/** A paid order, as the admin sees it. */
async function paidOrder(shopper: Visitor): Promise<{ orderId: string; syssn: string }> {
  const order = await placeOrder(shopper);
  await control(shopper, { action: "pay", syssn: order.syssn });
  await waitForState(shopper, order.orderId, "paid");
  return order;
}

const IDLE_STATE = '{"status":"idle","message":""}';
/** Admin cookies that are not the admin's: junk, a cut seal, a seal with a bad MAC, malformed seals, another password id. */
function forgedSeals(realSeal: string): string[] {
  return [
    "garbage",
    realSeal.slice(0, -10),
    realSeal.replace(/\*[^*]+~2$/, "*AAAA~2"),
    "X*1*a*b*c*d*e*f",
    "Fe26.2*1*a*b*c*zz*e*f",
    "Fe26.2**********",
    realSeal.replace(/^Fe26\.2\*1\*/, "Fe26.2*2*"),
  ];
}

test("admin: refunds, queries and the order list refuse bad fields, forged sessions and tampered ids; the order stays put", async ({
  baseURL,
}) => {
  const shopper = await Visitor.open(baseURL!);
  const admin = await signedInAdmin(baseURL!);
  const paid = await paidOrder(shopper);
  const paidPage = `/admin/orders/${paid.orderId}`;
  const paidHtml = await admin.html(paidPage);
  const refund = formWith(paidHtml, 'name="requestKey"');
  const queryNow = formWith(paidHtml, "$ACTION_KEY");
  const listHtml = await admin.html("/admin");
  const reconcile = formWith(listHtml, "$ACTION_KEY");
  const signOut = formWith(listHtml, "$ACTION_ID_");
  expect(actionIdOf(queryNow)).not.toBe(actionIdOf(refund));
  const before = { paid: await story(admin, paid.orderId), gateway: await transaction(admin, paid.syssn) };
  expect(before.paid).toMatch(/^Paid, review false, 1 attempts, 0 refunds/);

  // refundOrderAction: the amount field and the hidden request key.
  const amountError = /Enter an amount such as 28\.00\./;
  const keyError = /Reload the page and try again\./;
  const refundCases: (FormCase & { error: RegExp })[] = [
    ...[
      "",
      "0",
      "-1",
      "-28.00",
      "1e9",
      "0x10",
      "NaN",
      "Infinity",
      "28.001",
      "28.5.0",
      "١٢",
      "12abc",
      "<script>alert(1)</script>",
      "1; DROP TABLE refunds; --",
      `28${NUL}`,
      "9".repeat(1000),
      "99999999999",
      " ",
    ].map((amount) => ({
      name: `amount ${JSON.stringify(amount.slice(0, 40))}`,
      fields: { amount },
      error: amountError,
    })),
    { name: "no amount", fields: { amount: null }, error: amountError },
    { name: "a file as amount", fields: { amount: file("1.00") }, error: amountError },
    { name: "full refund asked as 'yes'", fields: { full: "yes", amount: null }, error: amountError },
    { name: "no request key", fields: { requestKey: null, amount: "1.00" }, error: keyError },
    { name: "a request key that is no UUID", fields: { requestKey: "not-a-uuid", amount: "1.00" }, error: keyError },
    { name: "a request key with SQL", fields: { requestKey: "' OR 1=1 --", full: "1" }, error: keyError },
    {
      name: "a request key with a NUL",
      fields: { requestKey: `00000000-0000-4000-8000-00000000000${NUL}`, full: "1" },
      error: keyError,
    },
    { name: "a file as request key", fields: { requestKey: file(), full: "1" }, error: keyError },
  ];
  for (const { name, fields, error } of refundCases) {
    const response = await admin.post(paidPage, withFields(refund, fields));
    expect.soft(response.status(), `refund, ${name}`).toBe(200);
    expect.soft(announced(await response.text()), `refund, ${name}`).toMatch(error);
  }

  // The bound order id of refund and query: tampered, it leads back to the order list.
  for (const fields of [withFields(refund, { full: "1" }), queryNow]) {
    for (const id of [
      `["${paid.orderId}"]`,
      "12345",
      '"../../orders.csv"',
      `"${"A".repeat(5000)}"`,
      '"A"',
      "null",
      '{"id":"x"}',
    ]) {
      const response = await admin.post(paidPage, withBound(fields, `[${id},${IDLE_STATE}]`));
      expect.soft(response.status(), `${actionIdOf(fields)} bound to ${id.slice(0, 30)}`).toBe(303);
      expect.soft(locationOf(response), `${actionIdOf(fields)} bound to ${id.slice(0, 30)}`).toBe("/admin");
    }
  }

  // Valid forms from someone who is not the admin, or who forged the admin's cookie: sent to sign in.
  const realSeal = (await admin.api.storageState()).cookies.find((cookie) => cookie.name === "shop_admin")!.value;
  for (const seal of [undefined, ...forgedSeals(realSeal)]) {
    const intruder = await Visitor.open(baseURL!, seal === undefined ? {} : { shop_admin: seal });
    const label = seal === undefined ? "no session" : `forged session ${seal.slice(0, 16)}…`;
    for (const [path, fields] of [
      [paidPage, withFields(refund, { full: "1" })],
      [paidPage, withFields(refund, { amount: "1.00" })],
      [paidPage, queryNow],
      ["/admin", reconcile],
    ] as const) {
      const response = await intruder.post(path, fields);
      expect.soft(response.status(), `${label}: ${path}`).toBe(303);
      expect.soft(locationOf(response), `${label}: ${path}`).toBe("/admin");
    }
    const signedOut = await intruder.post("/admin", signOut);
    expect.soft(signedOut.status(), `${label}: sign out`).toBe(303);
    expect.soft((await intruder.get("/admin/orders.csv")).status(), `${label}: CSV`).toBe(404);
    expect.soft((await intruder.get(paidPage)).status(), `${label}: order story`).toBe(307);
    await intruder.dispose();
  }

  // The list and its CSV with junk filters: the junk is ignored, never a failed query.
  for (const query of [
    "q=%00",
    `q=${"x".repeat(3000)}`,
    "q=%E2%80%AE%27%20OR%201%3D1",
    "from=2024-02-31",
    "to=9999-99-99",
    "from=0000-00-00&to=2024-13-01",
    "state=hacked&state=paid",
    "state[]=paid",
    "page=-1",
    "page=1e99",
    "page=NaN",
    "page=99999",
  ]) {
    const list = await admin.get(`/admin?${query}`);
    expect.soft(list.status(), `/admin?${query}`).toBe(200);
    expect.soft(await list.text(), `/admin?${query}`).toContain(">Orders</h1>");
    const csv = await admin.get(`/admin/orders.csv?${query}`);
    expect.soft(csv.status(), `/admin/orders.csv?${query}`).toBe(200);
    expect
      .soft((await csv.text()).split("\r\n")[0], `/admin/orders.csv?${query}`)
      .toMatch(/^order_id,created_at,state/);
  }
  expect
    .soft((await admin.get("/admin/orders.csv", { Origin: "https://evil.example" })).status(), "CSV for another site")
    .toBe(403);
  expect
    .soft((await admin.get("/admin/orders.csv", { "Sec-Fetch-Site": "cross-site" })).status(), "CSV for another site")
    .toBe(403);
  for (const [id, expected] of [
    ["A".repeat(22), 404],
    ["..%2F..%2Fadmin", 404],
    ["A".repeat(5000), 404],
    ["%00", 404],
    ["%ZZ", 400],
  ] as const) {
    expect.soft((await admin.get(`/admin/orders/${id}`)).status(), `/admin/orders/${id.slice(0, 30)}`).toBe(expected);
  }

  expect({ paid: await story(admin, paid.orderId), gateway: await transaction(admin, paid.syssn) }).toEqual(before);
  expect(await admin.html("/admin")).toContain(">Orders</h1>");
  await shopper.dispose();
  await admin.dispose();
});

test("admin: resolving a review refuses bad notes, forged sessions and tampered ids; the flag stays", async ({
  baseURL,
}) => {
  const shopper = await Visitor.open(baseURL!);
  const admin = await signedInAdmin(baseURL!);
  // Paid twice: the first attempt, then the other wallet's. The order needs review.
  const twice = await placeOrder(shopper);
  const other = await shopper.post(
    `/orders/${twice.orderId}`,
    formWith(await shopper.html(`/orders/${twice.orderId}`), 'name="wallet" value="alipay"'),
  );
  expect(other.status()).toBe(303);
  const secondSyssn = payUrlIn(await shopper.html(`/orders/${twice.orderId}`))!
    .split("/")
    .at(-1)!;
  expect(secondSyssn).not.toBe(twice.syssn);
  await control(shopper, { action: "pay", syssn: twice.syssn });
  await waitForState(shopper, twice.orderId, "paid");
  await control(shopper, { action: "pay", syssn: secondSyssn });
  const twicePage = `/admin/orders/${twice.orderId}`;
  await expect
    .poll(async () => (await admin.html(twicePage)).includes('id="review-title"'), { timeout: 10_000 })
    .toBe(true);
  const resolve = formWith(await admin.html(twicePage), "$ACTION_KEY");
  expect(resolve.some(([name]) => name === "requestKey")).toBe(false);
  const before = await story(admin, twice.orderId);
  expect(before).toMatch(/review true, 2 attempts/);

  for (const note of [null, "", "ab", "   ", "n".repeat(501), `fixed${NUL}it`, file("refunded the extra payment")]) {
    const response = await admin.post(twicePage, withFields(resolve, { note }));
    const name = `review note ${typeof note === "string" ? JSON.stringify(note.slice(0, 20)) : String(note)}`;
    expect.soft(response.status(), name).toBe(200);
    expect
      .soft(announced(await response.text()), name)
      .toMatch(/Write a short note of what you did \(3 to 500 characters\)\./);
  }
  const valid = withFields(resolve, { note: "refunded the extra payment" });
  for (const id of [
    `["${twice.orderId}"]`,
    "12345",
    '"../../orders.csv"',
    `"${"A".repeat(5000)}"`,
    "null",
    '{"id":"x"}',
  ]) {
    const response = await admin.post(twicePage, withBound(valid, `[${id},${IDLE_STATE}]`));
    expect.soft(response.status(), `bound to ${id.slice(0, 30)}`).toBe(303);
    expect.soft(locationOf(response), `bound to ${id.slice(0, 30)}`).toBe("/admin");
  }
  for (const body of [
    "[]",
    `["${twice.orderId}"]`,
    `["${twice.orderId}",${IDLE_STATE},"refunded the extra payment"]`,
    `["${twice.orderId}",${IDLE_STATE},{"note":"refunded the extra payment"}]`,
  ]) {
    const response = await admin.call(twicePage, actionIdOf(resolve), body);
    expect.soft(response.status(), `called with ${body}`).toBe(200);
  }
  const realSeal = (await admin.api.storageState()).cookies.find((cookie) => cookie.name === "shop_admin")!.value;
  for (const seal of [undefined, ...forgedSeals(realSeal)]) {
    const intruder = await Visitor.open(baseURL!, seal === undefined ? {} : { shop_admin: seal });
    const response = await intruder.post(twicePage, valid);
    expect.soft(response.status(), `resolve by ${seal ?? "no session"}`).toBe(303);
    expect.soft(locationOf(response), `resolve by ${seal ?? "no session"}`).toBe("/admin");
    await intruder.dispose();
  }
  expect(await story(admin, twice.orderId)).toBe(before);
  await shopper.dispose();
  await admin.dispose();
});

test("sandbox cashier: pay, decline and expire refuse tampered transaction numbers", async ({ baseURL }) => {
  const shopper = await Visitor.open(baseURL!);
  const { orderId, syssn } = await placeOrder(shopper);
  const cashierPage = `/sandbox/cashier/${syssn}`;
  const html = await shopper.html(cashierPage);
  const forms = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map(([form]) => formWith(form, "$ACTION_REF_"));
  expect(forms).toHaveLength(3);
  const before = { gateway: await transaction(shopper, syssn), order: await shopper.order(orderId) };

  for (const fields of forms) {
    const action = actionIdOf(fields);
    for (const bound of [
      [""],
      ["1".repeat(27)],
      [[syssn]],
      [`${syssn.slice(0, 25)}${NUL}`],
      ["../../../etc/passwd"],
      [Number(syssn.slice(0, 15))],
      [null],
      [{ syssn }],
      [`${syssn} `],
      ["٠".repeat(26)],
    ]) {
      const response = await shopper.post(cashierPage, withBound(fields, JSON.stringify(bound)));
      expect.soft(response.status(), `${action}: ${JSON.stringify(bound)}`).toBe(303);
      expect.soft(locationOf(response), `${action}: ${JSON.stringify(bound)}`).toBe("/");
    }
    const bigint = await shopper.post(cashierPage, withBound(fields, '["$n1"]'));
    expect.soft(bigint.status(), `${action}: a BigInt`).toBe(303);
    expect.soft(locationOf(bigint), `${action}: a BigInt`).toBe("/");
    for (const bound of ["[", "null", '["$Q2"]']) {
      expect
        .soft((await shopper.post(cashierPage, withBound(fields, bound))).status(), `${action}: ${bound}`)
        .toBe(400);
    }
    // A Map of the bound arguments themselves: React throws, the stopgap does not recognise it.
    expectRefused((await shopper.post(cashierPage, withBound(fields, '["$Q1"]'))).status(), `${action}: ["$Q1"]`);
    for (const body of ["[]", "[null]", `[["${syssn}"]]`, `[{"syssn":"${syssn}"}]`]) {
      expect.soft((await shopper.call(cashierPage, action, body)).status(), `${action} called with ${body}`).toBe(200);
    }
  }
  for (const path of [
    "/sandbox/cashier/0",
    `/sandbox/cashier/${"0".repeat(26)}`,
    `/sandbox/cashier/${syssn}%00`,
    "/sandbox/cashier/..%2F..%2Fapi%2Fhealth",
    `/sandbox/cashier/${"9".repeat(5000)}`,
    "/sandbox/cashier/%ZZ",
  ]) {
    const status = (await shopper.get(path)).status();
    expect.soft(status, path).toBeGreaterThanOrEqual(400);
    expect.soft(status, path).toBeLessThan(500);
  }
  expect({ gateway: await transaction(shopper, syssn), order: await shopper.order(orderId) }).toEqual(before);
  await shopper.dispose();
});

interface RouteCase {
  name: string;
  method?: "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD";
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  status: number;
  /** What the body must say, when it must say something. */
  says?: RegExp;
}

function signedForm(params: Record<string, string>): { headers: Record<string, string>; body: string } {
  return {
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "X-QF-APPCODE": SANDBOX_APP_CODE,
      "X-QF-SIGN": signParams(params, SANDBOX_CLIENT_KEY),
    },
    body: new URLSearchParams(params).toString(),
  };
}

test("route handlers: malformed, oversized, forged and wrong-method requests get a 4xx and change nothing", async ({
  baseURL,
}) => {
  const owner = await Visitor.open(baseURL!);
  const stranger = await Visitor.open(baseURL!);
  const { orderId, syssn } = await placeOrder(owner);
  const outTradeNo = await outTradeNoOf(owner, syssn);
  const before = { order: await owner.order(orderId), gateway: await transaction(owner, syssn) };
  const status = `/api/orders/${orderId}/status`;
  const events = `/api/orders/${orderId}/events`;
  const now = formatGatewayTime(new Date());
  const payment = (changes: Record<string, string>) => ({
    txamt: "100",
    txcurrcd: "HKD",
    pay_type: "801514",
    out_trade_no: `BAD-${Date.now()}-${randomInt(1e6)}`,
    txdtm: now,
    ...changes,
  });
  const signedNotification = (fields: unknown) => {
    const body = JSON.stringify(fields);
    return {
      headers: { "Content-Type": "application/json", "X-QF-SIGN": signNotificationBody(body, SANDBOX_CLIENT_KEY) },
      body,
    };
  };
  const gatewayCases: {
    name: string;
    endpoint: string;
    headers: Record<string, string>;
    body: string | Buffer;
    respcd: string;
    outTradeNo?: string;
  }[] = [];
  const addGateway = (name: string, endpoint: string, params: Record<string, string>, respcd: string) => {
    gatewayCases.push({ name, endpoint, ...signedForm(params), respcd, outTradeNo: params.out_trade_no });
  };
  addGateway("payment without a currency", "payment", payment({ txcurrcd: "" }), "1104");
  addGateway("payment of -1", "payment", payment({ txamt: "-1" }), "1104");
  addGateway("payment of 1e9", "payment", payment({ txamt: "1e9" }), "1104");
  addGateway("payment of 0x10", "payment", payment({ txamt: "0x10" }), "1104");
  addGateway(
    "payment with a NUL in out_trade_no",
    "payment",
    payment({ out_trade_no: `BAD${NUL}${Date.now()}` }),
    "1104",
  );
  addGateway("payment with a NUL in goods_name", "payment", payment({ goods_name: `Tea${NUL}` }), "1104");
  addGateway(
    "payment with an out_trade_no of 5000 characters",
    "payment",
    payment({ out_trade_no: "X".repeat(5000) }),
    "1104",
  );
  addGateway("payment with an unknown pay_type", "payment", payment({ pay_type: "999999" }), "1104");
  addGateway("payment with an unknown parameter", "payment", payment({ evil: "1" }), "1104");
  addGateway("payment at a time that is not one", "payment", payment({ txdtm: "2024-02-31 25:61:61" }), "1104");
  addGateway("query with a NUL syssn", "query", { syssn: NUL }, "1104");
  addGateway("query with a NUL out_trade_no", "query", { out_trade_no: `${outTradeNo}${NUL}` }, "1104");
  addGateway("query of page -1", "query", { syssn, page: "-1" }, "1104");
  addGateway("refund of -1", "refund", { syssn, out_trade_no: `R-${Date.now()}`, txamt: "-1", txdtm: now }, "1104");
  addGateway(
    "refund with a NUL syssn",
    "refund",
    { syssn: `${syssn}${NUL}`, out_trade_no: `R-${Date.now()}`, txamt: "1", txdtm: now },
    "1104",
  );
  const unsigned = payment({});
  gatewayCases.push(
    {
      name: "payment signed wrong",
      endpoint: "payment",
      headers: { ...signedForm(unsigned).headers, "X-QF-SIGN": "0".repeat(32) },
      body: signedForm(unsigned).body,
      respcd: "1108",
      outTradeNo: unsigned.out_trade_no,
    },
    {
      name: "payment without the app code",
      endpoint: "payment",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-QF-SIGN": signParams(unsigned, SANDBOX_CLIENT_KEY),
      },
      body: signedForm(unsigned).body,
      respcd: "1108",
      outTradeNo: unsigned.out_trade_no,
    },
    {
      name: "payment as JSON",
      endpoint: "payment",
      headers: { ...signedForm(unsigned).headers, "Content-Type": "application/json" },
      body: JSON.stringify(unsigned),
      respcd: "1103",
      outTradeNo: unsigned.out_trade_no,
    },
    {
      name: "payment with a field sent twice",
      endpoint: "payment",
      headers: signedForm(unsigned).headers,
      body: `${signedForm(unsigned).body}&txamt=1`,
      respcd: "1103",
      outTradeNo: unsigned.out_trade_no,
    },
    {
      name: "payment that is not UTF-8",
      endpoint: "payment",
      headers: signedForm(unsigned).headers,
      body: Buffer.from([0x74, 0x78, 0x61, 0x6d, 0x74, 0x3d, 0xff, 0xfe]),
      respcd: "1103",
    },
    {
      name: "payment of 100 KB",
      endpoint: "payment",
      headers: signedForm(unsigned).headers,
      body: `${signedForm(unsigned).body}&pad=${"p".repeat(100_000)}`,
      respcd: "1103",
      outTradeNo: unsigned.out_trade_no,
    },
    { name: "an empty payment", endpoint: "payment", headers: signedForm({}).headers, body: "", respcd: "1104" },
  );

  const cases: RouteCase[] = [
    // POST /api/qfpay/notify: QFPay's notifications, verified over the raw body.
    ...(["GET", "PUT", "DELETE", "PATCH"] as const).map((method) => ({
      name: `notify by ${method}`,
      method,
      path: "/api/qfpay/notify",
      status: 405,
    })),
    { name: "notify, empty and unsigned", method: "POST", path: "/api/qfpay/notify", status: 401, says: /^FAIL/ },
    {
      name: "notify, bad JSON, forged signature",
      method: "POST",
      path: "/api/qfpay/notify",
      headers: { "Content-Type": "application/json", "X-QF-SIGN": "0".repeat(32) },
      body: "{not json",
      status: 401,
    },
    {
      name: "notify, signature in lower case",
      method: "POST",
      path: "/api/qfpay/notify",
      headers: { "X-QF-SIGN": signNotificationBody("{}", SANDBOX_CLIENT_KEY).toLowerCase() },
      body: "{}",
      status: 401,
    },
    {
      name: "notify, signature one character short",
      method: "POST",
      path: "/api/qfpay/notify",
      headers: { "X-QF-SIGN": signNotificationBody("{}", SANDBOX_CLIENT_KEY).slice(1) },
      body: "{}",
      status: 401,
    },
    {
      name: "notify, signature of another body",
      method: "POST",
      path: "/api/qfpay/notify",
      headers: { "X-QF-SIGN": signNotificationBody("{ }", SANDBOX_CLIENT_KEY) },
      body: "{}",
      status: 401,
    },
    {
      name: "notify, NUL bytes and a forged signature",
      method: "POST",
      path: "/api/qfpay/notify",
      headers: { "X-QF-SIGN": "A".repeat(32) },
      body: Buffer.from([0, 0, 0, 123, 0]),
      status: 401,
    },
    {
      name: "notify, a form instead of JSON",
      method: "POST",
      path: "/api/qfpay/notify",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-QF-SIGN": "A".repeat(32) },
      body: `out_trade_no=${outTradeNo}&respcd=0000`,
      status: 401,
    },
    {
      name: "notify, 1 MB",
      method: "POST",
      path: "/api/qfpay/notify",
      headers: { "Content-Type": "application/json" },
      body: MEGA,
      status: 413,
    },
    // Verified (the sandbox's key is public) but malformed: answered SUCCESS, as QFPay requires so it stops resending, and applied to nothing.
    ...[
      {
        notify_type: "payment",
        syssn,
        out_trade_no: `${outTradeNo}${NUL}`,
        txamt: "12800",
        txcurrcd: "HKD",
        respcd: "0000",
      },
      { notify_type: "payment", syssn, out_trade_no: outTradeNo, txamt: 12800.5, txcurrcd: "HKD", respcd: "0000" },
      { notify_type: "payment", syssn, out_trade_no: outTradeNo, txamt: "1e9", txcurrcd: "HKD", respcd: "0000" },
      { notify_type: "payment", syssn, out_trade_no: outTradeNo, txamt: "-12800", txcurrcd: "HKD", respcd: "0000" },
      { notify_type: "payment", syssn, out_trade_no: [outTradeNo], txamt: "12800", txcurrcd: "HKD", respcd: "0000" },
      { notify_type: "payment", syssn, out_trade_no: outTradeNo, txamt: "12800", txcurrcd: "HKD", respcd: "1143" },
      {
        notify_type: "DROP TABLE orders",
        syssn,
        out_trade_no: outTradeNo,
        txamt: "12800",
        txcurrcd: "HKD",
        respcd: "0000",
      },
      [outTradeNo],
      null,
    ].map((fields) => ({
      name: `notify, signed but malformed: ${JSON.stringify(fields).slice(0, 60)}`,
      method: "POST" as const,
      path: "/api/qfpay/notify",
      ...signedNotification(fields),
      status: 200,
      says: /^SUCCESS$/,
    })),

    // GET /api/orders/[id]/status: the order page's live status.
    ...(["POST", "PUT", "DELETE"] as const).map((method) => ({
      name: `status by ${method}`,
      method,
      path: status,
      status: 405,
    })),
    { name: "status of an order that does not exist", path: `/api/orders/${"A".repeat(22)}/status`, status: 404 },
    { name: "status by path traversal", path: "/api/orders/..%2F..%2Fhealth/status", status: 404 },
    { name: "status of an id of 5000 characters", path: `/api/orders/${"A".repeat(5000)}/status`, status: 404 },
    { name: "status of a NUL id", path: "/api/orders/%00/status", status: 404 },
    { name: "status of an id in broken %-encoding", path: "/api/orders/%ZZ/status", status: 400 },
    {
      name: "status asked from another site's page",
      path: status,
      headers: { Origin: "https://evil.example" },
      status: 403,
    },
    { name: "status asked with Origin null", path: status, headers: { Origin: "null" }, status: 403 },
    { name: "status asked cross-site", path: status, headers: { "Sec-Fetch-Site": "cross-site" }, status: 403 },

    // GET /api/orders/[id]/events: the same status, pushed; a stream only for who may see the order.
    ...(["POST", "PUT", "DELETE"] as const).map((method) => ({
      name: `status stream by ${method}`,
      method,
      path: events,
      status: 405,
    })),
    {
      name: "status stream of an order that does not exist",
      path: `/api/orders/${"A".repeat(22)}/events`,
      status: 404,
    },
    { name: "status stream by path traversal", path: "/api/orders/..%2F..%2Fhealth/events", status: 404 },
    { name: "status stream of an id of 5000 characters", path: `/api/orders/${"A".repeat(5000)}/events`, status: 404 },
    { name: "status stream of a NUL id", path: "/api/orders/%00/events", status: 404 },
    { name: "status stream of an id in broken %-encoding", path: "/api/orders/%ZZ/events", status: 400 },
    {
      name: "status stream asked from another site's page",
      path: events,
      headers: { Origin: "https://evil.example" },
      status: 403,
    },
    { name: "status stream asked cross-site", path: events, headers: { "Sec-Fetch-Site": "cross-site" }, status: 403 },

    // Any other path, whatever it ends with: an action posted there is refused by the proxy, not a 500.
    {
      name: "an action posted cross-site to a .csv path",
      method: "POST",
      path: "/x.csv",
      headers: {
        "Next-Action": "0".repeat(42),
        Origin: "https://evil.example",
        "Content-Type": "text/plain;charset=UTF-8",
      },
      body: "[]",
      status: 403,
    },
    {
      name: "a 3 MB action posted to a .png path",
      method: "POST",
      path: "/x.png",
      headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
      body: "x".repeat(3 * 1024 * 1024),
      status: 413,
    },
    {
      name: "a form posted to a .jpg path",
      method: "POST",
      path: "/products/x.jpg",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "a=1",
      status: 415,
    },

    // GET /api/cron/reconcile: the scheduled job's bearer secret.
    { name: "cron without a secret", path: "/api/cron/reconcile", status: 401 },
    ...[
      "Bearer",
      "Bearer ",
      `bearer ${CRON_SECRET}`,
      CRON_SECRET,
      ` Bearer  ${CRON_SECRET}`,
      `Bearer ${CRON_SECRET.slice(0, -1)}`,
      `Bearer ${CRON_SECRET}x`,
      `Basic ${Buffer.from(`cron:${CRON_SECRET}`).toString("base64")}`,
      `Bearer ${"x".repeat(8000)}`,
    ].map((authorization) => ({
      name: `cron with Authorization ${JSON.stringify(authorization.slice(0, 40))}`,
      path: "/api/cron/reconcile",
      headers: { Authorization: authorization },
      status: 401,
    })),
    ...(["POST", "PUT", "DELETE"] as const).map((method) => ({
      name: `cron by ${method}`,
      method,
      path: "/api/cron/reconcile",
      headers: { Authorization: `Bearer ${CRON_SECRET}` },
      status: 405,
    })),

    // GET /api/health.
    ...(["POST", "PUT", "DELETE"] as const).map((method) => ({
      name: `health by ${method}`,
      method,
      path: "/api/health",
      status: 405,
    })),
    {
      name: "health with a junk query, ignored",
      path: "/api/health?x=%00&y=%ZZ&z[]=1",
      status: 200,
      says: /"status":"ok"/,
    },

    // GET /admin/orders.csv (the admin's session is the admin test's).
    { name: "CSV without a session", path: "/admin/orders.csv", status: 404 },
    ...(["POST", "PUT", "DELETE"] as const).map((method) => ({
      name: `CSV by ${method}`,
      method,
      path: "/admin/orders.csv",
      status: 405,
    })),

    // POST /sandbox/qfpay/trade/v1/[endpoint]: QFPay's API, refused the way QFPay refuses (respcd, below).
    ...(["GET", "PUT", "DELETE"] as const).map((method) => ({
      name: `gateway by ${method}`,
      method,
      path: "/sandbox/qfpay/trade/v1/payment",
      status: 405,
    })),
    {
      name: "an endpoint QFPay does not have",
      method: "POST",
      path: "/sandbox/qfpay/trade/v1/refundz",
      ...signedForm({ syssn }),
      status: 404,
      says: /"respcd":"1104"/,
    },
    {
      name: "an endpoint by path traversal",
      method: "POST",
      path: "/sandbox/qfpay/trade/v1/..%2F..%2Fcontrol",
      ...signedForm({ action: "reset" }),
      status: 404,
    },
    {
      name: "an endpoint in broken %-encoding",
      method: "POST",
      path: "/sandbox/qfpay/trade/v1/%ZZ",
      ...signedForm({ syssn }),
      status: 400,
    },
    {
      name: "gateway, 2 MB",
      method: "POST",
      path: "/sandbox/qfpay/trade/v1/payment",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `${MEGA}${MEGA}`,
      status: 413,
    },

    // /sandbox/qfpay/control: the tests' own remote control, JSON only.
    ...(["PUT", "DELETE", "PATCH"] as const).map((method) => ({
      name: `control by ${method}`,
      method,
      path: "/sandbox/qfpay/control",
      status: 405,
    })),
    ...[
      "",
      "{not json",
      "[]",
      "null",
      "42",
      '"pay"',
      "{}",
      JSON.stringify({ action: "nuke" }),
      JSON.stringify({ action: "pay", syssn: `${syssn}${NUL}` }),
      JSON.stringify({ action: "pay", outTradeNo: `${outTradeNo}${NUL}` }),
      JSON.stringify({ action: "pay", syssn: [syssn] }),
      JSON.stringify({ action: "notify", syssn, copies: 1e9 }),
      JSON.stringify({ action: "fault", fault: { endpoint: "payment", kind: "respcd", code: "0000" } }),
      JSON.stringify({ action: "fault", fault: { endpoint: "payment", kind: "meltdown" } }),
      JSON.stringify({
        action: "fault",
        fault: { endpoint: "payment", kind: "respcd", code: "1100" },
        outTradeNo: NUL,
      }),
      JSON.stringify({ action: "fault", fault: { endpoint: "payment", kind: "respcd", code: "1100" }, count: -1 }),
      JSON.stringify({ action: "settings", timeScale: -1 }),
      JSON.stringify({ action: "settings", timeScale: "fast" }),
      '{"action":"settings","clockOffsetMs":1e300}',
    ].map((body) => ({
      name: `control ${body.slice(0, 60) || "(empty)"}`,
      method: "POST" as const,
      path: "/sandbox/qfpay/control",
      headers: { "Content-Type": "application/json" },
      body,
      status: 400,
    })),
    {
      name: "control, 2 MB",
      method: "POST",
      path: "/sandbox/qfpay/control",
      headers: { "Content-Type": "application/json" },
      body: `{"action":"reset","pad":"${MEGA}${MEGA}"}`,
      status: 413,
    },
    { name: "control, a transaction named with a NUL", path: "/sandbox/qfpay/control?syssn=%00", status: 400 },
    {
      name: "control, an out_trade_no of 5000 characters",
      path: `/sandbox/qfpay/control?out_trade_no=${"x".repeat(5000)}`,
      status: 400,
    },
    { name: "control, an unknown transaction", path: "/sandbox/qfpay/control?syssn=1' OR '1'='1", status: 400 },
    { name: "control, no transaction at all", path: "/sandbox/qfpay/control", status: 404 },

    // POST /sandbox/stock: the demo shop's stock, JSON only (the stock is what the suite set, untouched).
    ...(["GET", "PUT", "DELETE"] as const).map((method) => ({
      name: `stock by ${method}`,
      method,
      path: "/sandbox/stock",
      status: 405,
    })),
    ...[
      "",
      "{not json",
      "[]",
      "null",
      "{}",
      JSON.stringify({ stock: -1 }),
      JSON.stringify({ stock: 1.5 }),
      JSON.stringify({ stock: "lots" }),
      '{"stock":1e300}',
      JSON.stringify({ sku: "NOT-A-SKU", stock: 1 }),
      JSON.stringify({ sku: `TEA-JAS-50${NUL}`, stock: 1 }),
      JSON.stringify({ sku: ["TEA-JAS-50"], stock: 1 }),
    ].map((body) => ({
      name: `stock ${body.slice(0, 60) || "(empty)"}`,
      method: "POST" as const,
      path: "/sandbox/stock",
      headers: { "Content-Type": "application/json" },
      body,
      status: 400,
    })),
    {
      name: "stock, 2 MB",
      method: "POST",
      path: "/sandbox/stock",
      headers: { "Content-Type": "application/json" },
      body: `{"stock":1,"pad":"${MEGA}${MEGA}"}`,
      status: 413,
    },
  ];

  for (const { name, method = "GET", path, headers = {}, body, status: expected, says } of cases) {
    const by =
      name.startsWith("status") &&
      !name.includes("another site") &&
      !name.includes("Origin") &&
      !name.includes("cross-site")
        ? stranger
        : owner;
    const response = await by.api.fetch(path, { method, headers, data: body, maxRedirects: 0 });
    expect.soft(response.status(), name).toBe(expected);
    if (says) expect.soft(await response.text(), name).toMatch(says);
  }
  for (const { name, endpoint, headers, body, respcd, outTradeNo: tradeNo } of gatewayCases) {
    const response = await owner.api.post(`/sandbox/qfpay/trade/v1/${endpoint}`, { headers, data: body });
    // QFPay answers a refused request with HTTP 200 and its code: so does the sandbox.
    expect.soft(response.status(), `gateway, ${name}`).toBe(200);
    expect.soft(((await response.json()) as { respcd: string }).respcd, `gateway, ${name}`).toBe(respcd);
    if (tradeNo && /^[\x21-\x7e]{1,128}$/.test(tradeNo)) {
      expect
        .soft(
          (await owner.get(`/sandbox/qfpay/control?out_trade_no=${encodeURIComponent(tradeNo)}`)).status(),
          `gateway, ${name}: nothing created`,
        )
        .toBe(404);
    }
  }

  // Someone else asking for the order's status or page, with bad tokens, learns nothing.
  for (const query of [
    "",
    "?t=",
    `?t=${"A".repeat(32)}`,
    `?t=${"A".repeat(5000)}`,
    "?t=%00",
    "?t=a&t=b",
    "?t[]=x",
    "?t=%ZZ",
  ]) {
    expect.soft((await stranger.get(`${status}${query}`)).status(), `status${query.slice(0, 40)}`).toBe(404);
    expect.soft((await stranger.get(`${events}${query}`)).status(), `status stream${query.slice(0, 40)}`).toBe(404);
    expect
      .soft((await stranger.get(`/orders/${orderId}${query}`)).status(), `order page${query.slice(0, 40)}`)
      .toBe(404);
  }
  expect({ order: await owner.order(orderId), gateway: await transaction(owner, syssn) }).toEqual(before);
  await owner.dispose();
  await stranger.dispose();
});

test("pages with bogus params answer 404 or 400, never a 5xx", async ({ baseURL }) => {
  const visitor = await Visitor.open(baseURL!);
  const paths = [
    ...[
      "A".repeat(22),
      "A".repeat(21),
      "A".repeat(5000),
      "..%2F..%2Fetc%2Fpasswd",
      "%00",
      "%E2%80%AE",
      "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      "'%20OR%20'1'%3D'1",
      "%ZZ",
      "%",
    ].map((id) => `/orders/${id}`),
    `/orders/${"A".repeat(22)}?t=${"A".repeat(32)}`,
    ...["nope", "%00", "..%2F..%2Fapi%2Fhealth", "x".repeat(5000), "%3Cscript%3E", "%ZZ", "jasmine-pearls%00"].map(
      (slug) => `/products/${slug}`,
    ),
    "/admin/orders/%00",
    "/%ZZ",
    "/does-not-exist",
  ];
  for (const path of paths) {
    const response = await visitor.get(path);
    const status = response.status();
    // The admin's order story sends a visitor without a session to sign in.
    expect.soft(status, path).toBeGreaterThanOrEqual(path.startsWith("/admin") ? 300 : 400);
    expect.soft(status, path).toBeLessThan(500);
    expect.soft(await response.text(), path).not.toContain("<script>alert(1)</script>");
  }
  for (const path of [
    "/?x=%ZZ",
    "/cart?%00=%00",
    "/checkout?wallet[]=x",
    `/products/jasmine-pearls?qty=${"9".repeat(1000)}`,
  ]) {
    expect.soft((await visitor.get(path)).status(), path).toBe(200);
  }
  await visitor.dispose();
});

test("forged and truncated session cookies read as no session: no 5xx, no cart, no admin", async ({ baseURL }) => {
  const real = await Visitor.open(baseURL!);
  await addJasmine(real);
  const seal = (await real.api.storageState()).cookies.find((cookie) => cookie.name === "shop_session")!.value;
  const forged = [
    "garbage",
    "",
    seal.slice(0, seal.length / 2),
    seal.slice(0, -3),
    seal.replace(/^Fe26\.2/, "Fe26.3"),
    seal.replace(/\*(\d+)\*/, "*9*"),
    "X*1*a*b*c*d*e*f",
    "Fe26.2*1*a*b*c*zz*e*f",
    "Fe26.2*1*a*b*c*1*e*f",
    "Fe26.2**********~2",
    "%FF%FE",
    "x".repeat(4000),
  ];
  for (const value of forged) {
    for (const name of ["shop_session", "shop_admin"]) {
      const visitor = await Visitor.open(baseURL!, { [name]: value });
      const label = `${name}=${value.slice(0, 24)}…`;
      for (const path of ["/", "/cart", "/checkout", "/admin", "/products/jasmine-pearls"]) {
        expect.soft((await visitor.get(path)).status(), `${label} ${path}`).toBe(200);
      }
      expect.soft(await visitor.cart(), label).toBe("0 items, no total");
      expect.soft(await visitor.html("/admin"), label).toContain('id="password"');
      expect.soft((await visitor.get("/admin/orders.csv")).status(), `${label} CSV`).toBe(404);
      await visitor.dispose();
    }
  }
  // The shopper's own seal as the admin's cookie opens nothing either.
  const swapped = await Visitor.open(baseURL!, { shop_admin: seal });
  expect(await swapped.html("/admin")).toContain('id="password"');
  await swapped.dispose();
  await real.dispose();
});

test("server actions refuse other sites, huge bodies, broken encodings, wrong methods and content types", async ({
  baseURL,
}) => {
  const shopper = await Visitor.open(baseURL!);
  await addJasmine(shopper);
  const before = await shopper.cart();
  const add = formWith(await shopper.html("/"), `value="${JASMINE_SKU}"`);
  const checkout = withFields(formWith(await shopper.html("/checkout"), 'name="email"'), {
    email: "shopper@example.com",
    device: "desktop",
    wallet: "alipayhk",
  });
  const ref = add.find(([name]) => name.startsWith("$ACTION_REF_"))![0].slice("$ACTION_REF_".length);
  const boundary = "----bad-input-boundary";

  const cases: { name: string; send: () => Promise<APIResponse>; status: number | "undecodable" }[] = [
    ...["https://evil.example", "null", `${baseURL}.evil.example`, "http://[", "http://127.0.0.1:1", "file://"].flatMap(
      (origin) => [
        {
          name: `add to cart from Origin ${origin}`,
          send: () => shopper.post("/", add, { Origin: origin }),
          status: 403,
        },
        {
          name: `checkout from Origin ${origin}`,
          send: () => shopper.post("/checkout", checkout, { Origin: origin }),
          status: 403,
        },
        {
          name: `add to cart called by JavaScript from Origin ${origin}`,
          send: () => shopper.call("/", actionIdOf(add), "[]", { Origin: origin }),
          status: 403,
        },
      ],
    ),
    { name: "add to cart, 1 MB sku", send: () => shopper.post("/", withFields(add, { sku: MEGA })), status: 413 },
    {
      name: "checkout, 1 MB email",
      send: () => shopper.post("/checkout", withFields(checkout, { email: `${MEGA}@example.com` })),
      status: 413,
    },
    {
      name: "checkout called by JavaScript, 2 MB",
      send: () => shopper.call("/checkout", actionIdOf(checkout), `["${MEGA}${MEGA}"]`),
      status: 413,
    },
    {
      name: "action metadata that is not JSON",
      send: () => shopper.post("/", withFields(add, { [`$ACTION_${ref}:0`]: "{garbage" })),
      status: 400,
    },
    {
      name: "action metadata without an id",
      send: () => shopper.post("/", withFields(add, { [`$ACTION_${ref}:0`]: '{"bound":"$@1"}' })),
      status: 400,
    },
    {
      name: "action metadata missing",
      send: () => shopper.post("/", withFields(add, { [`$ACTION_${ref}:0`]: null })),
      status: 400,
    },
    {
      name: "action metadata bound to a missing row",
      send: () =>
        shopper.post(
          "/",
          withFields(add, { [`$ACTION_${ref}:0`]: JSON.stringify({ id: actionIdOf(add), bound: "$@7" }) }),
        ),
      status: 400,
    },
    {
      name: "bound arguments missing",
      send: () => shopper.post("/", withFields(add, { [`$ACTION_${ref}:1`]: null })),
      status: 400,
    },
    {
      name: "bound arguments as a Map reference",
      send: () => shopper.post("/", withBound(add, '["$Q2"]')),
      status: 400,
    },
    {
      name: "an action id that does not exist",
      send: () =>
        shopper.post("/", [
          [`$ACTION_ID_${"0".repeat(42)}`, ""],
          ["sku", JASMINE_SKU],
        ]),
      status: 409,
    },
    {
      name: "an action id of path traversal",
      send: () =>
        shopper.post(
          "/",
          withFields(add, { [`$ACTION_${ref}:0`]: JSON.stringify({ id: "../../../etc/passwd", bound: "$@1" }) }),
        ),
      status: 400,
    },
    {
      name: "a JavaScript call to an action that does not exist",
      send: () => shopper.call("/", "0".repeat(42), "[]"),
      status: 409,
    },
    // Not JSON-shaped at all: the fail-open stopgap lets it through (it could be a newer encoding), so Next may 500.
    {
      name: "a JavaScript call with a body that is not JSON",
      send: () => shopper.call("/", actionIdOf(add), "not json"),
      status: "undecodable",
    },
    {
      name: "a JavaScript call with a body that looks like JSON but is not",
      send: () => shopper.call("/", actionIdOf(add), '["TEA-JAS-50"'),
      status: 400,
    },
    {
      name: "a JavaScript call with a BigInt that is not one",
      send: () => shopper.call("/", actionIdOf(add), '["$nxyz"]'),
      status: 400,
    },
    {
      name: "a JavaScript call whose form field 0 is broken",
      send: () => {
        const form = new FormData();
        form.set("0", "[");
        return shopper.call("/", actionIdOf(add), form);
      },
      status: 400,
    },
    {
      name: "a multipart body that ends halfway",
      send: () =>
        shopper.api.post("/", {
          headers: { Origin: baseURL!, "Content-Type": `multipart/form-data; boundary=${boundary}` },
          data: `--${boundary}\r\nContent-Disposition: form-data; name="sku"\r\n\r\nTEA`,
          maxRedirects: 0,
        }),
      status: 400,
    },
    {
      name: "multipart without a boundary",
      send: () =>
        shopper.api.post("/", {
          headers: { Origin: baseURL!, "Content-Type": "multipart/form-data" },
          data: "sku=TEA-JAS-50",
          maxRedirects: 0,
        }),
      status: 400,
    },
    {
      name: "JSON posted to a page",
      send: () =>
        shopper.api.post("/", { headers: { Origin: baseURL! }, data: { sku: JASMINE_SKU, qty: 1 }, maxRedirects: 0 }),
      status: 415,
    },
    {
      name: "a urlencoded form posted to a page",
      send: () => shopper.api.post("/", { headers: { Origin: baseURL! }, form: { sku: JASMINE_SKU }, maxRedirects: 0 }),
      status: 415,
    },
    {
      name: "plain text posted to a page",
      send: () =>
        shopper.api.post("/checkout", {
          headers: { Origin: baseURL!, "Content-Type": "text/plain" },
          data: "email=shopper@example.com",
          maxRedirects: 0,
        }),
      status: 415,
    },
    ...(["PUT", "DELETE", "PATCH"] as const).map((method) => ({
      name: `${method} of the checkout form`,
      send: () => {
        const form = new FormData();
        for (const [name, value] of checkout) form.append(name, value);
        return shopper.api.fetch("/checkout", {
          method,
          headers: { Origin: baseURL! },
          multipart: form,
          maxRedirects: 0,
        });
      },
      status: 405,
    })),
  ];
  for (const { name, send, status } of cases) {
    const response = await send();
    if (status === "undecodable") expectRefused(response.status(), name);
    else expect.soft(response.status(), name).toBe(status);
  }
  expect(await shopper.cart()).toBe(before);
  await shopper.dispose();
});

test("a huge action body sent in chunks, with no Content-Length to judge it by, is refused with 413", async ({
  baseURL,
}) => {
  const shopper = await Visitor.open(baseURL!);
  await addJasmine(shopper);
  const before = await shopper.cart();
  const add = withFields(formWith(await shopper.html("/"), `value="${JASMINE_SKU}"`), { sku: `${MEGA}${MEGA}` });
  const form = new FormData();
  for (const [name, value] of add) form.append(name, value);
  const encoded = new Response(form);
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  const cookies = (await shopper.api.storageState()).cookies
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
  // A stream body goes out with Transfer-Encoding: chunked.
  const response = await fetch(`${baseURL}/`, {
    method: "POST",
    headers: {
      Origin: baseURL!,
      "Content-Type": encoded.headers.get("content-type")!,
      Cookie: cookies,
      "x-forwarded-for": address(),
    },
    body: new ReadableStream({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.slice(at, at + 64 * 1024));
        controller.close();
      },
    }),
    duplex: "half",
    redirect: "manual",
  } as RequestInit);
  expect(response.status).toBe(413);
  expect(await shopper.cart()).toBe(before);
  await shopper.dispose();
});

test("undecodable action arguments are a 4xx, not a 500", async ({ baseURL }) => {
  // Next 16.4 answers them 500 (vercel/next.js#86945, fix proposed in vercel/next.js#98105); the guard's
  // fail-open stopgap (lib/web/undecodable-action-body.ts) answers 400 first. Once Next answers 400 itself,
  // this passes with the stopgap deleted (then the status need only be a 4xx).
  const shopper = await Visitor.open(baseURL!);
  await addJasmine(shopper);
  const before = await shopper.cart();
  const add = formWith(await shopper.html("/"), `value="${JASMINE_SKU}"`);
  const ref = add.find(([name]) => name.startsWith("$ACTION_REF_"))![0].slice("$ACTION_REF_".length);
  const brokenField0 = new FormData();
  brokenField0.set("0", "[");
  const responses: [string, APIResponse][] = [
    ["bound arguments not JSON", await shopper.post("/", withBound(add, "["))],
    ["bound arguments null", await shopper.post("/", withBound(add, "null"))],
    ["bound arguments missing", await shopper.post("/", withFields(add, { [`$ACTION_${ref}:1`]: null }))],
    ["a Map of a missing row", await shopper.post("/", withBound(add, '["$Q2"]'))],
    ["a call whose body looks like JSON but is not", await shopper.call("/", actionIdOf(add), "[not json")],
    ["a call with a BigInt that is not one", await shopper.call("/", actionIdOf(add), '["$nxyz"]')],
    ["a call whose form field 0 is broken", await shopper.call("/", actionIdOf(add), brokenField0)],
  ];
  for (const [name, response] of responses) {
    expect.soft(response.status(), name).toBe(400);
    expect.soft(await response.text(), name).toBe("Bad request: this form cannot be read.\n");
  }
  expect(await shopper.cart()).toBe(before);
  await shopper.dispose();
});

const ALIPAY_APP_UA =
  "Mozilla/5.0 (Linux; U; Android 14; en-US; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 " +
  "Chrome/120.0 Mobile Safari/537.36 AliApp(AP/10.5.36.8000) AlipayClient/10.5.36.8000 Language/en";

/** A well-formed alipay.system.oauth.token request, RSA2-signed with `key` (not the app's). */
function signedOpenApiForm(appId: string, key: string, timestamp = openApiTimestamp(new Date())): string {
  const params: Record<string, string> = {
    app_id: appId,
    method: "alipay.system.oauth.token",
    charset: "utf-8",
    sign_type: "RSA2",
    timestamp,
    version: "1.0",
    grant_type: "authorization_code",
    code: "abcdefgh1234",
  };
  const content = Object.keys(params)
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join("&");
  params.sign = createSign("RSA-SHA256").update(content, "utf8").sign(key, "base64");
  return new URLSearchParams(params).toString();
}

const STRANGER_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
  type: "pkcs8",
  format: "pem",
}) as string;

test("Alipay's routes: the return, the sandbox's authorisation page and open API refuse bad input with a 4xx and change nothing", async ({
  baseURL,
}) => {
  const shopper = await Visitor.open(baseURL!);
  const stranger = await Visitor.open(baseURL!);
  const inApp = { "User-Agent": ALIPAY_APP_UA };
  await addJasmine(shopper);
  const checkout = await shopper.post(
    "/checkout",
    withFields(formWith(await shopper.html("/checkout"), 'name="email"'), {
      email: "shopper@example.com",
      device: "mobile",
      wallet: "alipay",
    }),
    inApp,
  );
  expect(checkout.status()).toBe(303);
  const authorize = new URL(checkout.headers()["location"]!);
  expect(authorize.pathname).toBe("/sandbox/alipay/authorize");
  const state = authorize.searchParams.get("state")!;
  const before = await shopper.cart();
  // The session cookie as it is now, with the pending state: what a replay would send later.
  const pendingCookie = (await shopper.api.storageState()).cookies.find((c) => c.name === "shop_session")!.value;

  // The return: nothing of Alipay's, another session's state, a replayed or malformed one.
  const returns: [string, Visitor, number][] = [
    ["/api/alipay/return", shopper, 400],
    ["/api/alipay/return?state=", shopper, 400],
    [`/api/alipay/return?state=${state}x&auth_code=abcdefgh1234`, shopper, 400],
    [`/api/alipay/return?state=${state.slice(1)}&auth_code=abcdefgh1234`, shopper, 400],
    [`/api/alipay/return?state=${state}&state=${state}&auth_code=abcdefgh1234`, shopper, 400],
    [`/api/alipay/return?state=${state}&auth_code=%3Cscript%3E`, shopper, 400],
    [`/api/alipay/return?state=${state}&auth_code=${"a".repeat(200)}`, shopper, 400],
    [`/api/alipay/return?state=${"s".repeat(101)}`, shopper, 400],
    [`/api/alipay/return?state=${state}&auth_code=abcdefgh1234`, stranger, 400],
    [`/api/alipay/return?state=${state}%00`, shopper, 400],
    [`/api/alipay/return?state=${state}&auth_code=${"a".repeat(6000)}&scope=${"b".repeat(2000)}`, shopper, 400],
    [`/api/alipay/return?state=${state}&auth_code=abcdefgh1234&scope=${"b".repeat(65)}`, shopper, 400],
    [`/api/alipay/return?state=${state}&auth_code=abcdefgh1234&app_id=junk`, shopper, 400],
  ];
  for (const [path, visitor, status] of returns) {
    const response = await visitor.get(path);
    expect.soft(response.status(), path).toBe(status);
    expect.soft(response.headers()["set-cookie"], `${path} sets no cookie`).toBeUndefined();
  }
  for (const method of ["POST", "PUT", "DELETE"] as const) {
    const response = await shopper.api.fetch(`/api/alipay/return?state=${state}`, { method, maxRedirects: 0 });
    expect.soft(response.status(), method).toBe(405);
  }

  // The sandbox's authorisation page: only what Alipay's would take.
  const good = Object.fromEntries(authorize.searchParams);
  const changes: Record<string, string>[] = [
    { app_id: "2021000000000000" },
    { app_id: "" },
    { scope: "auth_admin" },
    { redirect_uri: "https://evil.example/api/alipay/return" },
    { redirect_uri: "javascript:alert(1)" },
    { state: "has spaces" },
    { state: "" },
  ];
  for (const change of changes) {
    const query = new URLSearchParams({ ...good, ...change });
    expect.soft((await shopper.get(`/sandbox/alipay/authorize?${query}`)).status(), JSON.stringify(change)).toBe(404);
  }
  // Its Allow and Deny (a plain form post): only the request the page was opened with, answered once.
  const answer = "/sandbox/alipay/authorize/answer";
  const postForm = (fields: Record<string, string> | string, headers: Record<string, string> = {}) =>
    shopper.api.post(answer, {
      headers: { Origin: shopper.baseURL, "Content-Type": "application/x-www-form-urlencoded", ...headers },
      data: typeof fields === "string" ? fields : new URLSearchParams(fields).toString(),
      maxRedirects: 0,
    });
  const answerCases: [string, Record<string, string> | string, number][] = [
    ["another site's redirect_uri", { ...good, answer: "allow", redirect_uri: "https://evil.example/x" }, 400],
    ["another app", { ...good, answer: "allow", app_id: "2021000000000000" }, 400],
    ["a state with spaces", { ...good, answer: "allow", state: "a b" }, 400],
    ["no answer", { ...good }, 400],
    ["an answer of its own", { ...good, answer: "maybe" }, 400],
    ["a field twice", `${new URLSearchParams({ ...good, answer: "allow" })}&answer=deny`, 400],
    ["a field it does not know", { ...good, answer: "allow", user_id: "2088000000000001" }, 400],
  ];
  for (const [name, fields, status] of answerCases) expect.soft((await postForm(fields)).status(), name).toBe(status);
  expect.soft((await postForm({ ...good, answer: "allow" }, { Origin: "https://evil.example" })).status()).toBe(403);
  expect
    .soft((await postForm({ ...good, answer: "allow" }, { "Content-Type": "application/json" })).status())
    .toBe(415);
  expect.soft((await shopper.get(answer)).status()).toBe(405);

  // The sandbox's open API gateway.
  const gateway = "/sandbox/alipay/gateway.do";
  const form = { "Content-Type": "application/x-www-form-urlencoded" };
  const gatewayCases: [
    string,
    { method?: string; headers?: Record<string, string>; body?: string | Buffer },
    number,
    RegExp?,
  ][] = [
    ["GET", { method: "GET" }, 405],
    ["PUT", { method: "PUT", headers: form, body: "a=1" }, 405],
    ["JSON", { headers: { "Content-Type": "application/json" }, body: "{}" }, 415],
    ["no type", { body: "a=1" }, 415],
    ["empty form", { headers: form, body: "" }, 400, /isv\.missing-app-id/],
    [
      "unsigned",
      {
        headers: form,
        body: new URLSearchParams({
          app_id: good.app_id!,
          method: "alipay.system.oauth.token",
          charset: "utf-8",
          sign_type: "RSA2",
          sign: "Zm9yZ2Vk",
          timestamp: openApiTimestamp(new Date()),
          version: "1.0",
          grant_type: "authorization_code",
          code: "abcdefgh1234",
        }).toString(),
      },
      400,
      /isv\.invalid-signature/,
    ],
    [
      "signed with another key",
      { headers: form, body: signedOpenApiForm(good.app_id!, STRANGER_KEY) },
      400,
      /isv\.invalid-signature/,
    ],
    [
      "signed, then its code changed",
      {
        headers: form,
        body: signedOpenApiForm(good.app_id!, STRANGER_KEY).replace("code=abcdefgh1234", "code=abcdefgh9999"),
      },
      400,
      /isv\.invalid-signature/,
    ],
    [
      "stamped in UTC, not Beijing time",
      {
        headers: form,
        body: signedOpenApiForm(good.app_id!, STRANGER_KEY, new Date().toISOString().slice(0, 19).replace("T", " ")),
      },
      400,
      /isv\.invalid-timestamp/,
    ],
    ["a field twice", { headers: form, body: "app_id=1&app_id=2" }, 400, /isv\.invalid-parameter/],
    ["not UTF-8", { headers: form, body: Buffer.from([0x61, 0x3d, 0xff, 0xfe]) }, 400],
    ["oversized", { headers: form, body: `a=${"x".repeat(20 * 1024)}` }, 413],
  ];
  for (const [name, { method = "POST", headers = {}, body }, status, says] of gatewayCases) {
    const response = await shopper.api.fetch(gateway, { method, headers, data: body, maxRedirects: 0 });
    expect.soft(response.status(), name).toBe(status);
    if (says) expect.soft(await response.text(), name).toMatch(says);
  }

  // None of it moved anything: the cart is as it was, and the shopper's authorisation still goes through.
  expect(await shopper.cart()).toBe(before);
  const allowed = await postForm({ ...good, answer: "allow" });
  expect(allowed.status()).toBe(303);
  const back = new URL(allowed.headers()["location"]!);
  expect(back.pathname).toBe("/api/alipay/return");
  expect(back.searchParams.get("state")).toBe(state);
  // One press: the return places the order and sends the shopper to it.
  const paying = await shopper.get(back.pathname + back.search);
  expect(paying.status()).toBe(303);
  expect(new URL(paying.headers()["location"]!).pathname).toMatch(/^\/orders\/[\w-]{22}$/);
  // Its replay is refused: the state was spent, in this session and, for a copy of the old cookie that
  // still carries it, in the database. Nothing more is placed.
  expect((await shopper.get(back.pathname + back.search)).status()).toBe(400);
  const replayer = await Visitor.open(baseURL!, { shop_session: pendingCookie });
  const replayed = await replayer.get(back.pathname + back.search);
  expect(replayed.status()).toBe(400);
  expect(replayed.headers()["set-cookie"]).toBeUndefined();
  await replayer.dispose();
  await shopper.dispose();
  await stranger.dispose();
});
