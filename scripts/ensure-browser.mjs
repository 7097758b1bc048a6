// Makes `npm test` work on a fresh clone: Debian's Chromium where it is installed, otherwise
// Playwright's own Chromium, downloaded once if it is missing.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { chromium } from "@playwright/test";

if (!existsSync("/usr/bin/chromium") && !existsSync(chromium.executablePath())) {
  console.log("Installing Playwright's Chromium for the browser tests (once)...");
  execFileSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
}
