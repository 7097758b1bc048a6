import { existsSync, mkdirSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium, devices, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { localizedPath } from "../i18n/localized-path";
import { answerAtCashier, fillCart, placeQrOrder } from "../tests/support/browser-orders";
import { ensureProductionBuild, startProductionServer } from "../tests/support/production-server";

/**
 * `npm run screenshots`: every shopper page of the production build, at 390 px (a phone, as a phone
 * asks for it) and at 1280 px (a computer), into docs/screenshots/<page>-<width>.png, and the pages of a
 * payment in Traditional and Simplified Chinese at 390 px (<page>-<locale>-390.png). It builds the
 * shop if the build is stale, serves it on a fresh embedded database, places the orders the order
 * pages need, and stops the server. SCREENSHOTS_PORT moves it off port 3240.
 */

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "docs/screenshots");
const PORT = Number(process.env.SCREENSHOTS_PORT ?? 3240);
const DATA_DIR = path.join(".data", "screenshots");
const CHROMIUM = "/usr/bin/chromium";

const VIEWPORTS: { width: number; options: BrowserContextOptions }[] = [
  // The phone profile's user agent and touch, at 390 px and one device pixel per CSS pixel (small files).
  { width: 390, options: { ...devices["iPhone 13"], viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 } },
  { width: 1280, options: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 } },
];

/**
 * The screenshot in a 256-colour palette, about a third of its size and the same to the eye, through the
 * sharp that Next installs to optimize images; as Playwright took it where sharp is not installed.
 */
async function smaller(png: Buffer): Promise<Buffer> {
  try {
    const { default: sharp } = await import("sharp");
    return await sharp(png).png({ palette: true, quality: 85, effort: 10, compressionLevel: 9 }).toBuffer();
  } catch {
    return png;
  }
}

async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined });
}

/** Places an order awaiting payment, a paid one and a failed one, then fills the cart again. */
async function prepareShopper(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, ...devices["Desktop Chrome"] });
  const page = await context.newPage();
  await fillCart(page, ["Jasmine Pearls, 50 g", "Yixing Clay Teapot, 200 ml"]);
  const pending = await placeQrOrder(page, "AlipayHK");
  await fillCart(page, ["Tieguanyin Oolong, 100 g", "Celadon Cups, set of four"]);
  const paid = await placeQrOrder(page, "AlipayHK");
  await answerAtCashier(page, paid, "Pay");
  await fillCart(page, ["Longjing Green Tea, 50 g"]);
  const failed = await placeQrOrder(page, "Alipay");
  await answerAtCashier(page, failed, "Decline");
  await fillCart(page, ["Aged Pu'er Cake, 357 g", "Porcelain Gaiwan, 120 ml", "Harbour Tote Bag"]);
  const state = await context.storageState();
  await context.close();
  return { state, pending, paid, failed };
}

async function shoot(page: Page, name: string, pagePath: string): Promise<void> {
  await page.goto(pagePath, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(OUT, `${name}.png`);
  await writeFile(file, await smaller(await page.screenshot({ fullPage: true, animations: "disabled" })));
  console.log(path.relative(ROOT, file));
}

async function main() {
  ensureProductionBuild();
  rmSync(path.join(ROOT, DATA_DIR), { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const server = await startProductionServer({ port: PORT, database: { pgliteDir: DATA_DIR } });
  const browser = await launch();
  try {
    const { state, pending, paid, failed } = await prepareShopper(browser, server.baseUrl);
    const pages: [name: string, path: string][] = [
      ["home", "/"],
      ["product", "/products/yixing-clay-teapot"],
      ["cart", "/cart"],
      ["checkout", "/checkout"],
      ["order-awaiting-payment", pending.orderPath],
      ["order-paid", paid.orderPath],
      ["order-failed", failed.orderPath],
      ["orders", "/orders"],
      ["cashier", new URL(pending.payUrl).pathname],
      ["not-found", "/no-such-page"],
      ["policy-refunds", "/policies/refunds"],
      ["policy-terms", "/policies/terms"],
      ["policy-privacy", "/policies/privacy"],
    ];
    for (const { width, options } of VIEWPORTS) {
      const context = await browser.newContext({ ...options, baseURL: server.baseUrl, storageState: state });
      const page = await context.newPage();
      for (const [name, pagePath] of pages) await shoot(page, `${name}-${width}`, pagePath);
      await context.close();
    }
    // The pages a Chinese-reading shopper pays through, on a phone, in each Chinese locale (issue 15).
    for (const locale of ["zh-HK", "zh-CN"] as const) {
      const context = await browser.newContext({
        ...VIEWPORTS[0]!.options,
        locale,
        baseURL: server.baseUrl,
        storageState: state,
      });
      const page = await context.newPage();
      const localePages: [name: string, path: string][] = [
        ["home", "/"],
        ["product", "/products/yixing-clay-teapot"],
        ["checkout", "/checkout"],
        ["order-awaiting-payment", pending.orderPath],
        ["order-paid", paid.orderPath],
      ];
      for (const [name, pagePath] of localePages)
        await shoot(page, `${name}-${locale}-390`, localizedPath(pagePath, locale));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
