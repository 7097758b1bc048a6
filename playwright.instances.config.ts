import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { INSTANCES_PROXY_PORT } from "./tests/instances/instances-env";

// Debian's Chromium where it is installed (CI, containers); Playwright's own browser on a laptop.
const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
const launchOptions = {
  executablePath,
  args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic"],
};

/**
 * The many-instances test: three `next start` instances of one build on one PostgreSQL, behind a
 * round-robin https front, run as Vercel runs them (tests/instances/global-setup.ts).
 */
export default defineConfig({
  testDir: "tests/instances",
  forbidOnly: !!process.env.CI,
  workers: 1,
  timeout: 60_000,
  reporter: [["list"]],
  globalSetup: "./tests/instances/global-setup.ts",
  use: {
    baseURL: `https://127.0.0.1:${INSTANCES_PROXY_PORT}`,
    ignoreHTTPSErrors: true,
    launchOptions,
    trace: "retain-on-failure",
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions }, grepInvert: /@phone/ },
    { name: "pixel", use: { ...devices["Pixel 7"], launchOptions }, grep: /@phone/ },
  ],
});
