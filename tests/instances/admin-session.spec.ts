import { expect, test } from "@playwright/test";
import path from "node:path";
import { freshDatabase } from "../reliability/test-databases";
import { SERVER_SECRETS, startProductionServer } from "../support/production-server";
import { Shopper } from "../support/shop-http-client";
import { INSTANCES_PROXY_PORT } from "./instances-env";

const PORT = INSTANCES_PROXY_PORT + 13;

async function signIn(baseUrl: string, password: string): Promise<Shopper> {
  const admin = new Shopper(baseUrl, { clientAddress: "198.51.100.60" });
  const response = await admin.submit("/admin", await admin.page("/admin"), 'name="password"', { password });
  await response.body?.cancel();
  return admin;
}

/** What a copied cookie opens: the orders (signed in) or the sign-in form. */
async function adminPageWith(baseUrl: string, cookie: string): Promise<"orders" | "sign-in"> {
  const html = await (await fetch(`${baseUrl}/admin`, { headers: { cookie } })).text();
  return html.includes(">Orders</h1>")
    ? "orders"
    : html.includes('id="password"')
      ? "sign-in"
      : (() => {
          throw new Error(html.slice(0, 200));
        })();
}

test("signing out ends the admin session on the server, and a changed ADMIN_PASSWORD ends them all: copies of the cookie stop working", async () => {
  const database = await freshDatabase("pglite", path.join(".data", "instances", "admin-session"));
  let server = await startProductionServer({ port: PORT, database: database.server });
  try {
    const admin = await signIn(server.baseUrl, SERVER_SECRETS.ADMIN_PASSWORD);
    const copy = admin.cookieHeader();
    expect(await adminPageWith(server.baseUrl, copy)).toBe("orders");
    const signOut = await admin.submit("/admin", await admin.page("/admin"), "Sign out", {});
    await signOut.body?.cancel();
    expect(await adminPageWith(server.baseUrl, admin.cookieHeader())).toBe("sign-in");
    expect(await adminPageWith(server.baseUrl, copy), "the copy kept before signing out").toBe("sign-in");

    const again = (await signIn(server.baseUrl, SERVER_SECRETS.ADMIN_PASSWORD)).cookieHeader();
    expect(await adminPageWith(server.baseUrl, again)).toBe("orders");
    await server.stop();
    server = await startProductionServer({
      port: PORT,
      database: database.server,
      env: { ADMIN_PASSWORD: "a-new-admin-password" },
    });
    expect(await adminPageWith(server.baseUrl, again), "a session of the old password").toBe("sign-in");
  } finally {
    await server.stop();
    await database.drop();
  }
});
