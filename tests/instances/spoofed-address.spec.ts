import { expect, test } from "@playwright/test";
import path from "node:path";
import { freshDatabase } from "../reliability/test-databases";
import { SERVER_SECRETS, startProductionServer } from "../support/production-server";
import { Shopper } from "../support/shop-http-client";
import { INSTANCES_PROXY_PORT } from "./instances-env";

/**
 * What the sign-in form says after a try: its status line only, since the page also carries the form's own
 * words for the browser (next-intl's client messages), "Too many failed sign-ins" among them.
 */
function signInStatus(html: string): string {
  return /id="sign-in-status"[^>]*>([^<]*)</.exec(html)?.[1] ?? "";
}

test("next start exposed directly: a new X-Forwarded-For on each guess does not reset the admin lock-out", async () => {
  const database = await freshDatabase("pglite", path.join(".data", "instances", "spoofed-address"));
  // No TRUSTED_PROXY_HOPS: nothing stands between the client and the shop.
  const server = await startProductionServer({
    port: INSTANCES_PROXY_PORT + 12,
    database: database.server,
    env: { TRUSTED_PROXY_HOPS: undefined },
  });
  try {
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const guesser = new Shopper(server.baseUrl, { clientAddress: `203.0.113.${10 + i}` });
      const response = await guesser.submit("/admin", await guesser.page("/admin"), 'name="password"', {
        password: `wrong-password-${i}`,
      });
      const text = signInStatus(await response.text());
      answers.push(
        text.includes("Too many failed sign-ins")
          ? "locked"
          : text.includes("That password is not right")
            ? "wrong"
            : `HTTP ${response.status}`,
      );
    }
    expect(answers).toEqual(["wrong", "wrong", "wrong", "wrong", "wrong", "locked"]);
    // Even the right password now waits out the lock-out.
    const admin = new Shopper(server.baseUrl, { clientAddress: "198.51.100.1" });
    const signIn = await admin.submit("/admin", await admin.page("/admin"), 'name="password"', {
      password: SERVER_SECRETS.ADMIN_PASSWORD,
    });
    expect(signInStatus(await signIn.text())).toContain("Too many failed sign-ins");
  } finally {
    await server.stop();
    await database.drop();
  }
});
