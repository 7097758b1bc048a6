/**
 * A shopper without a browser: drives the running shop over plain HTTP the way a browser without
 * JavaScript does, by submitting the pages' own progressively enhanced forms (their hidden `$ACTION_*`
 * fields carry the server action). Used by the crash-recovery, load and benchmark scripts, where a real
 * browser per checkout would measure the browser, not the shop.
 */

export interface ShopperOptions {
  /** Sent as x-forwarded-for: each shopper is its own client for the shop's rate limits. */
  clientAddress?: string;
  userAgent?: string;
}

/** Where the shop sent the shopper: the order page (computers), or straight to the wallet (phones). */
export type CheckoutOutcome = { orderId: string; payUrl: null } | { orderId: null; payUrl: string };

export const DESKTOP_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
export const PHONE_AGENT =
  "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36";

function decodeEntities(text: string): string {
  return text
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/** The first form in `html` that contains `marker` (a field value, a name or a button's text), or null. */
export function findForm(html: string, marker: string): string | null {
  for (const [form] of html.matchAll(/<form\b[\s\S]*?<\/form>/g)) if (form.includes(marker)) return form;
  return null;
}

/** The hidden fields of the first form in `html` that contains `marker` (a field value or name). */
export function hiddenFieldsOf(html: string, marker: string): [string, string][] {
  const form = findForm(html, marker);
  if (form === null) throw new Error(`no form with ${JSON.stringify(marker)} on the page`);
  const fields: [string, string][] = [];
  for (const [input] of form.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    if (name === undefined) continue;
    fields.push([decodeEntities(name), decodeEntities(/\bvalue="([^"]*)"/.exec(input)?.[1] ?? "")]);
  }
  return fields;
}

export class Shopper {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly options: ShopperOptions = {},
  ) {}

  /** The cookies this shopper holds, as a Cookie header (for a browser or Lighthouse to act as them). */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { "user-agent": this.options.userAgent ?? DESKTOP_AGENT, ...extra };
    if (this.options.clientAddress) headers["x-forwarded-for"] = this.options.clientAddress;
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    return headers;
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), { headers: this.headers(), redirect: "manual" });
    this.keepCookies(response);
    return response;
  }

  async page(path: string): Promise<string> {
    const response = await this.get(path);
    if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return response.text();
  }

  /** Submits the page's form that contains `marker`, with `fields` filled in, as a browser without JavaScript would. */
  async submit(path: string, html: string, marker: string, fields: Record<string, string>): Promise<Response> {
    const body = new FormData();
    for (const [name, value] of hiddenFieldsOf(html, marker)) if (!(name in fields)) body.append(name, value);
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    const response = await fetch(new URL(path, this.baseUrl), {
      method: "POST",
      headers: this.headers({ origin: new URL(this.baseUrl).origin }),
      body,
      redirect: "manual",
    });
    this.keepCookies(response);
    return response;
  }

  async addToCart(slug: string, sku: string, qty = 1): Promise<void> {
    const path = `/products/${slug}`;
    const response = await this.submit(path, await this.page(path), `value="${sku}"`, { sku, qty: String(qty) });
    const text = await response.text();
    if (response.status !== 200 || !text.includes("to your cart"))
      throw new Error(`adding ${sku} to the cart failed: HTTP ${response.status}`);
  }

  /** Submits the checkout form; the shop answers with a redirect to the order page or, on a phone, the wallet. */
  async checkout(
    options: { email?: string; wallet?: "alipayhk" | "alipay"; device?: "desktop" | "mobile" } = {},
  ): Promise<CheckoutOutcome> {
    const html = await this.page("/checkout");
    return this.submitCheckout(html, options);
  }

  async submitCheckout(
    html: string,
    options: { email?: string; wallet?: "alipayhk" | "alipay"; device?: "desktop" | "mobile" } = {},
  ): Promise<CheckoutOutcome> {
    const response = await this.submit("/checkout", html, 'name="email"', {
      email: options.email ?? "shopper@example.com",
      wallet: options.wallet ?? "alipayhk",
      device: options.device ?? "desktop",
    });
    await response.body?.cancel();
    const location = response.headers.get("location");
    if (response.status !== 303 || !location) throw new Error(`checkout did not redirect: HTTP ${response.status}`);
    const target = new URL(location, this.baseUrl);
    const order = /^\/orders\/([^/]+)$/.exec(target.pathname);
    return order ? { orderId: order[1]!, payUrl: null } : { orderId: null, payUrl: target.toString() };
  }

  async status(orderId: string): Promise<{ status: number; body: Record<string, unknown> | null }> {
    const response = await this.get(`/api/orders/${orderId}/status`);
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
    } catch {
      return { status: response.status, body: null };
    }
  }
}

/** The sandbox's control endpoint (sandbox mode only): the cashier's buttons and scripted faults. */
export async function sandboxControl(
  baseUrl: string,
  command: unknown,
  /** The stand-in scripted: QFPay's, or CBTIS's at /sandbox/cbtis/control. */
  controlPath = "/sandbox/qfpay/control",
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL(controlPath, baseUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(command),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Runs the scheduled reconciliation as a cron job would. */
export async function runReconcile(baseUrl: string, cronSecret: string): Promise<Record<string, unknown>> {
  const response = await fetch(new URL("/api/cron/reconcile", baseUrl), {
    headers: { authorization: `Bearer ${cronSecret}` },
  });
  if (response.status !== 200) throw new Error(`reconcile: HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}
