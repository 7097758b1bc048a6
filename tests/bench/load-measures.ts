import autocannon from "autocannon";
import { percentile } from "../reliability/pool";
import { floodNotifications, type SignedNotification } from "../support/shop-fixtures";
import type { Shopper } from "../support/shop-http-client";

export interface Throughput {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

export function fromAutocannon(result: autocannon.Result): Throughput {
  return {
    requests: result.requests.total,
    perSecond: Math.round(result.requests.total / (result.duration || 1)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

/** The floor: a route handler that returns a constant, on the same server, in the same run. */
export async function measureBareRoute(baseUrl: string, connections: number, seconds: number): Promise<Throughput> {
  return fromAutocannon(await autocannon({ url: `${baseUrl}/api/ping`, connections, duration: seconds }));
}

/** Every notification once, in the order given, `connections` at a time. */
export async function measureNotifications(
  baseUrl: string,
  notes: SignedNotification[],
  connections: number,
): Promise<Throughput> {
  return fromAutocannon(await floodNotifications(baseUrl, notes, connections));
}

/** Order pages polling their status, each poll from a shopper of its own (the shop limits polls per client). */
export async function measureStatusPolling(
  baseUrl: string,
  orderLinks: string[],
  connections: number,
  seconds: number,
): Promise<Throughput> {
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => {
          const n = next++;
          const link = new URL(orderLinks[n % orderLinks.length]!);
          const [, , orderId] = link.pathname.split("/");
          return {
            ...request,
            path: `/api/orders/${orderId}/status${link.search}`,
            headers: { "x-forwarded-for": `172.16.${(n >> 8) & 255}.${n & 255}` },
          };
        },
      },
    ],
  });
  return fromAutocannon(result);
}

export interface Timed {
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

/** Submits prepared checkouts, `concurrency` at a time, timing each from the submit to the pay_url in hand. */
export async function measureCheckouts(
  prepared: { shopper: Shopper; html: string }[],
  concurrency: number,
): Promise<Timed & { payUrls: string[] }> {
  const times: number[] = [];
  const payUrls: string[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < prepared.length) {
        const { shopper, html } = prepared[next++]!;
        const t0 = performance.now();
        try {
          const outcome = await shopper.submitCheckout(html, {
            device: "mobile",
            wallet: next % 2 === 0 ? "alipayhk" : "alipay",
          });
          if (!outcome.payUrl) throw new Error("a phone checkout goes to the wallet");
          times.push(performance.now() - t0);
          payUrls.push(outcome.payUrl);
        } catch {
          failures += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    count: times.length,
    perSecond: Math.round(times.length / seconds),
    p50: round1(percentile(times, 50)),
    p99: round1(percentile(times, 99)),
    failures,
    payUrls,
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
