import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_SMTP_PORT } from "./tests/e2e/mailbox-port";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// A second shop, paying through CBTIS's stand-in (issue 17), on the next port with its own database.
const CBTIS_PORT = PORT + 1;
const cbtisURL = `http://127.0.0.1:${CBTIS_PORT}`;
// Debian's Chromium where it is installed (CI, containers); Playwright's own browser on a laptop.
const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
const launchOptions = {
  executablePath,
  args: [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // The SMTP server the shop's receipts go to (SMTP_URL below): one for the run, read by the specs.
  globalSetup: "./tests/e2e/mailbox.global-setup.ts",
  // Each worker is its own client address, as distinct shoppers are (rate limits count per address): drawn
  // from the worker's index, as random ones could coincide and add two workers' checkouts together.
  use: {
    baseURL,
    launchOptions,
    trace: "retain-on-failure",
    extraHTTPHeaders: { "x-forwarded-for": `192.0.2.${1 + (Number(process.env.TEST_WORKER_INDEX ?? 0) % 240)}` },
  },
  projects: [
    { name: "stock", testMatch: /stock\.setup\.ts$/ },
    {
      name: "cbtis-desktop",
      testMatch: /cbtis\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], launchOptions, baseURL: cbtisURL },
      grepInvert: /@phone/,
    },
    {
      name: "cbtis-phone",
      testMatch: /cbtis\.spec\.ts$/,
      use: { ...devices["Pixel 7"], launchOptions, baseURL: cbtisURL },
      grep: /@phone/,
    },
    {
      name: "desktop",
      testIgnore: /cbtis\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], launchOptions },
      grepInvert: /@phone/,
      dependencies: ["stock"],
    },
    // Phone profiles run in Chromium too: what matters here is the user agent, touch and the viewport.
    // Tests tagged @every-device run here and on the desktop.
    {
      name: "pixel",
      testIgnore: /cbtis\.spec\.ts$/,
      use: { ...devices["Pixel 7"], launchOptions },
      grep: /@phone|@every-device/,
      dependencies: ["stock"],
    },
    {
      name: "iphone",
      testIgnore: /cbtis\.spec\.ts$/,
      use: { ...devices["iPhone 14"], browserName: "chromium", launchOptions },
      grep: /@phone|@every-device/,
      dependencies: ["stock"],
    },
  ],
  webServer: [
    {
      // A fresh embedded database for every run; the build is the one `next start` serves in production.
      command: `rm -rf .data/e2e && npm run build && npm start -- -H 127.0.0.1 -p ${PORT}`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        ...shopEnv(baseURL, ".data/e2e"),
        SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
        MAIL_FROM: "Harbour Tea & Goods <receipts@harbour-tea.test>",
      },
    },
    {
      // The same build (the servers start in order), paying through CBTIS.
      command: `rm -rf .data/e2e-cbtis && npm start -- -H 127.0.0.1 -p ${CBTIS_PORT}`,
      url: `${cbtisURL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { ...shopEnv(cbtisURL, ".data/e2e-cbtis"), PAYMENT_PROVIDER: "cbtis" },
    },
  ],
});

function shopEnv(siteUrl: string, dataDir: string): Record<string, string> {
  return {
    QFPAY_ENV: "sandbox",
    SITE_URL: siteUrl,
    PGLITE_DATA_DIR: dataDir,
    SESSION_SECRET: "e2e-session-secret-at-least-32-characters-long",
    CRON_SECRET: "e2e-cron-secret-0123456789",
    ADMIN_PASSWORD: "e2e-admin-password",
    // The tests stand in for a proxy that names each worker's address in x-forwarded-for.
    TRUSTED_PROXY_HOPS: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
