import autocannon from "autocannon";
import { signNotificationBody } from "@/lib/qfpay/notification";
import { SANDBOX_CLIENT_KEY } from "@/lib/sandbox/credentials";
import { notificationBody } from "@/lib/sandbox/notifications";
import { sandboxControl, Shopper } from "./shop-http-client";

/** Orders and notifications made over HTTP on a running sandbox shop, for the load test and the benchmarks. */

export const LOAD_PRODUCTS = [
  { slug: "tieguanyin-oolong", sku: "TEA-TGY-100" },
  { slug: "aged-puer-cake", sku: "TEA-PUE-357" },
];

/** A shopper of its own, with its own client address (the shop's rate limits count per address). */
export function shopperNumber(baseUrl: string, i: number, userAgent?: string): Shopper {
  return new Shopper(baseUrl, { clientAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, userAgent });
}

/** A cart with one of the load products, as shopper `i` fills it. */
export async function fillCart(shopper: Shopper, i: number): Promise<void> {
  const product = LOAD_PRODUCTS[i % LOAD_PRODUCTS.length]!;
  await shopper.addToCart(product.slug, product.sku, 1 + (i % 2));
}

/** The sandbox cashier's transaction named by a page or a pay_url. */
export function cashierSyssnIn(text: string): string | null {
  return /\/sandbox\/cashier\/([A-Za-z0-9]+)/.exec(text)?.[1] ?? null;
}

/** Stock every product of the demo shop with this many (checkout refuses goods other orders hold). */
export async function stockSandboxShop(baseUrl: string, stock: number): Promise<void> {
  const response = await fetch(new URL("/sandbox/stock", baseUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ stock }),
  });
  if (response.status !== 200) throw new Error(`stocking the shop: HTTP ${response.status}`);
}

/** The sandbox holds back its own notifications (for an hour), so that a script sends them instead. */
export async function holdSandboxNotifications(baseUrl: string, count: number): Promise<void> {
  const held = await sandboxControl(baseUrl, {
    action: "fault",
    fault: { endpoint: "notify", kind: "delay", delayMs: 3_600_000 },
    count,
  });
  if (held.status !== 200) throw new Error(`holding notifications back: HTTP ${held.status}`);
}

export async function payInSandbox(baseUrl: string, syssn: string): Promise<void> {
  const paid = await sandboxControl(baseUrl, { action: "pay", syssn });
  if (paid.status !== 200) throw new Error(`paying ${syssn}: HTTP ${paid.status}`);
}

export interface SignedNotification {
  body: string;
  sign: string;
}

/** QFPay's own body and signature for each paid transaction, a share of them twice, in random order. */
export async function notificationsFor(
  baseUrl: string,
  syssns: string[],
  duplicateShare: number,
): Promise<SignedNotification[]> {
  const notes: SignedNotification[] = [];
  for (const syssn of syssns) {
    const found = (await fetch(`${baseUrl}/sandbox/qfpay/control?syssn=${syssn}`).then((r) => r.json())) as {
      transaction: Parameters<typeof notificationBody>[0];
    };
    const body = notificationBody(found.transaction);
    const note = { body, sign: signNotificationBody(body, SANDBOX_CLIENT_KEY) };
    notes.push(note);
    if (Math.random() < duplicateShare) notes.push(note);
  }
  for (let i = notes.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [notes[i], notes[j]] = [notes[j]!, notes[i]!];
  }
  return notes;
}

/** Sends every notification once, in the order given, `connections` at a time, as QFPay would post them. */
export function floodNotifications(
  baseUrl: string,
  notes: SignedNotification[],
  connections: number,
): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: `${baseUrl}/api/qfpay/notify`,
    connections,
    amount: notes.length,
    timeout: 30,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const note = notes[next++ % notes.length]!;
          return {
            ...request,
            body: note.body,
            headers: { "content-type": "application/json", "x-qf-sign": note.sign },
          };
        },
      },
    ],
  });
}
