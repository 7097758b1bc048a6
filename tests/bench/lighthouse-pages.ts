import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";

/**
 * Lighthouse on the shop's pages, with its mobile (default) and desktop presets, for `npm run bench`.
 * It only measures: whoever calls it starts and stops the server. Audits run one after another in one
 * Chrome: the mobile preset scales the main-thread time it observes by four, so anything else running
 * on the machine's two cores shows up in the score. Each page and preset is run a few times and the
 * median run (Lighthouse's own choice, by FCP and TTI) is reported.
 */

export interface PageToAudit {
  name: string;
  path: string;
  /** Sent as the Cookie header of every request: the cart or the order belongs to that session. */
  cookie?: string;
}

export interface PageAudit {
  page: string;
  preset: "mobile" | "desktop";
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Compressed (transfer size) bytes of JavaScript the page loads. */
  jsBytes: number;
  /** Bytes of web fonts the page loads: part of its weight, though not of its JavaScript. */
  fontBytes: number;
}

export interface AuditOptions {
  /** Lighthouse runs per page and preset, of which the median is kept; 3 unless told. */
  runs?: number;
  /** Writes each full Lighthouse report there as `<page>-<preset>.json`, to find out why a score is low. */
  reportDir?: string;
}

/**
 * Every shopper page, for a session holding a full cart and the order `orderId` awaiting payment; the home
 * and order pages again in Traditional Chinese, measured as their shoppers get them.
 */
export function shopperPages(orderId: string, cookie: string): PageToAudit[] {
  return [
    { name: "Home", path: "/" },
    { name: "Product", path: "/products/tieguanyin-oolong" },
    { name: "Cart", path: "/cart", cookie },
    { name: "Checkout", path: "/checkout", cookie },
    { name: "Order", path: `/orders/${orderId}`, cookie },
    { name: "Your orders", path: "/orders", cookie },
    { name: "Policy", path: "/policies/refunds" },
    { name: "Home (zh-HK)", path: "/zh-HK", cookie: "NEXT_LOCALE=zh-HK" },
    { name: "Order (zh-HK)", path: `/zh-HK/orders/${orderId}`, cookie: withLocaleCookie(cookie, "zh-HK") },
  ];
}

/**
 * A Chinese page is visited by a browser that holds its language's cookie already: otherwise the proxy sets
 * it, Chrome then sends its own jar (that one cookie) instead of the Cookie header given, and the page's
 * requests (the order's live status) would be another session's.
 */
function withLocaleCookie(cookie: string, locale: string): string {
  return [...cookie.split("; ").filter((pair) => !pair.startsWith("NEXT_LOCALE=")), `NEXT_LOCALE=${locale}`].join("; ");
}

const CATEGORIES = ["performance", "accessibility", "best-practices"];
/** Lighthouse's own list (core/config/constants.js), and cookies. */
const CLEARED_STORAGE = ["file_systems", "shader_cache", "service_workers", "cache_storage", "cookies"] as const;

// Debian's Chromium where it is installed (CI, containers); chrome-launcher's own search otherwise.
const CHROME_PATH = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;

function score(
  lhr: { categories: Record<string, { score: number | null } | undefined> },
  category: string,
  where: string,
): number {
  const value = lhr.categories[category]?.score;
  if (value === null || value === undefined) throw new Error(`${where}: Lighthouse gave no ${category} score`);
  return Math.round(value * 100);
}

/** Sums the transfer size of one type of resource ("Script", "Font") in the `network-requests` audit. */
function transferBytes(details: unknown, resourceType: string): number {
  const items = (details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
  return items
    .filter((item) => item.resourceType === resourceType)
    .reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
}

export async function auditPages(
  baseUrl: string,
  pages: PageToAudit[],
  options: AuditOptions = {},
): Promise<PageAudit[]> {
  // Imported, not required: tsx's CommonJS path rewrites Lighthouse's page functions with esbuild's
  // `__name` helper, and they fail in the page ("__name is not defined") when Lighthouse sends them there.
  const { default: lighthouse } = await import("lighthouse");
  const { default: desktopConfig } = await import("lighthouse/core/config/desktop-config.js");
  const { computeMedianRun } = await import("lighthouse/core/lib/median-run.js");
  const runs = options.runs ?? 3;
  const presets = [
    { preset: "mobile", config: undefined },
    { preset: "desktop", config: desktopConfig },
  ] as const;
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  const results: PageAudit[] = [];
  try {
    if (options.reportDir) await mkdir(options.reportDir, { recursive: true });
    for (const page of pages) {
      const url = new URL(page.path, baseUrl).toString();
      const headers = page.cookie ? { Cookie: page.cookie } : undefined;
      // The first request of a route loads its code into the server: measure the pages warm.
      const warm = await fetch(url, { headers });
      await warm.body?.cancel();
      if (warm.status !== 200) throw new Error(`${page.name}: GET ${page.path} answered HTTP ${warm.status}`);
      for (const { preset, config } of presets) {
        const where = `${page.name} (${preset})`;
        const lhrs = [];
        // A run can fail on Lighthouse's side (NO_NAVSTART, NO_FCP: the trace came back incomplete); it
        // asks to be run again, so each run gets a few tries before the page counts as failed.
        for (let tries = 0; lhrs.length < runs; tries++) {
          const result = await lighthouse(
            url,
            {
              port: chrome.port,
              logLevel: "error",
              output: "json",
              onlyCategories: CATEGORIES,
              extraHeaders: headers,
              // Cookies too: Chrome sends the jar's cookies (a locale page sets one) instead of the Cookie
              // header given, and the order would be another session's (a 404).
              clearStorageTypes: [...CLEARED_STORAGE],
            },
            config,
          );
          if (!result) throw new Error(`${where}: Lighthouse returned nothing`);
          const failed = result.lhr.runtimeError;
          if (!failed) lhrs.push(result.lhr);
          else if (tries >= runs + 2) throw new Error(`${where}: ${failed.code} ${failed.message}`);
        }
        const lhr = computeMedianRun(lhrs);
        if (options.reportDir)
          await writeFile(path.join(options.reportDir, `${page.name}-${preset}.json`), JSON.stringify(lhr, null, 1));
        results.push({
          page: page.name,
          preset,
          performance: score(lhr, "performance", where),
          accessibility: score(lhr, "accessibility", where),
          bestPractices: score(lhr, "best-practices", where),
          jsBytes: transferBytes(lhr.audits["network-requests"]?.details, "Script"),
          fontBytes: transferBytes(lhr.audits["network-requests"]?.details, "Font"),
        });
      }
    }
  } finally {
    chrome.kill();
  }
  return results;
}
