import { expect, test as base, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { addToCart, checkoutWith, orderStatus } from "./shop";

/*
 * Paying inside the Alipay app (issue 16): its browser is recognised by its user agent; "Pay with Alipay"
 * first learns the shopper's Alipay user id through Alipay's web authorisation (the sandbox's Allow / Deny
 * page), then pays with QFPay's 800107, whose tradeNO the order page hands to AlipayJSBridge's tradePay by
 * itself. In sandbox mode the page brings a stand-in bridge whose cashier opens over the page.
 */

const ALIPAY_APP =
  "Mozilla/5.0 (Linux; U; Android 14; en-US; Pixel 7 Build/UQ1A.240205.004) AppleWebKit/537.36 (KHTML, like Gecko) " +
  "Version/4.0 Chrome/120.0.6099.193 Mobile Safari/537.36 UCBS/2.11.1.28 AlipayDefined(nt:WIFI,ws:412|915|2.625) " +
  "AliApp(AP/10.5.36.8000) AlipayClient/10.5.36.8000 Language/en useStatusBar/true isConcaveScreen/true Region/CN";

/**
 * `inAlipayApp`: a page as the Alipay app on a phone shows it, in a context of its own (its own session and
 * client address), closed when the test ends, passed or failed.
 */
const test = base.extend<{ inAlipayApp: Page }>({
  inAlipayApp: async ({ browser }, provide) => {
    const context = await browser.newContext({
      userAgent: ALIPAY_APP,
      viewport: { width: 412, height: 915 },
      deviceScaleFactor: 2.625,
      isMobile: true,
      hasTouch: true,
      extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${1 + Math.floor(Math.random() * 250)}` },
    });
    await provide(await context.newPage());
    await context.close();
  },
});

// Each test walks the cart, the checkout, Alipay's authorisation and a cashier or two: more than most.
test.describe.configure({ timeout: 60_000 });

/** Cart, checkout, "Pay with Alipay", and Alipay's authorisation page answered with `answer`. */
async function authorise(page: Page, answer: "Allow" | "Allow, as an app on OpenID (open_id only)" | "Deny") {
  await addToCart(page);
  await checkoutWith(page, "Alipay");
  await expect(page).toHaveURL(/\/sandbox\/alipay\/authorize\?app_id=\d{16}&scope=auth_base&redirect_uri=[^&]+&state=/);
  await expect(page.getByRole("heading", { name: /would like to know your Alipay account/ })).toBeVisible();
  await page.getByRole("button", { name: answer, exact: true }).click();
}

/** The stand-in for the cashier the Alipay app opens over the page. */
function cashier(page: Page) {
  return page.getByRole("dialog", { name: "Pay QFPay Sandbox Merchant" });
}

/**
 * One press of "Pay with Alipay", allowed on Alipay's page: the return places the order and lands on its
 * page, which opens Alipay's cashier by itself.
 */
async function pressAndAllow(page: Page) {
  await authorise(page, "Allow");
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
  await expect(cashier(page)).toBeVisible();
}

test("in the Alipay app: one press, authorise, pay in Alipay's cashier, Paid", async ({ inAlipayApp: page }) => {
  await authorise(page, "Allow");
  // Alipay's return carried out the press: no second "Pay with Alipay", straight to the order.
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
  await expect(page.getByRole("heading", { name: "Pay HK$128.00 with Alipay" })).toBeVisible();
  // Opened by the page itself, without a click.
  await expect(cashier(page)).toBeVisible();
  await expect(cashier(page).getByText("HK$128.00")).toBeVisible();
  await expect(orderStatus(page)).toHaveText("Awaiting payment");
  await cashier(page).getByRole("button", { name: "Pay", exact: true }).click();
  await expect(cashier(page)).toBeHidden();
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 15_000 });
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  expect(await page.content()).not.toMatch(/2088\d{12}/);
});

test("in the Alipay app: a shopper who denies the authorisation pays through Alipay's web page instead", async ({
  inAlipayApp: page,
}) => {
  await authorise(page, "Deny");
  await expect(page).toHaveURL(/\/checkout\?alipay=declined$/);
  await expect(page.getByText("You chose not to share your Alipay account")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("shopper@example.com");
  await page.getByRole("button", { name: "Pay with Alipay", exact: true }).click();
  // The WAP flow (801107): straight to Alipay's page, no authorisation asked again.
  await expect(page).toHaveURL(/\/sandbox\/cashier\/\d{26}$/);
  await expect(page.getByText("HK$128.00")).toBeVisible();
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}\?t=[\w-]{32}$/);
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 15_000 });
});

test("in the Alipay app: an Alipay app on OpenID answers open_id only, and the shopper pays through Alipay's web page, told why", async ({
  inAlipayApp: page,
}) => {
  await authorise(page, "Allow, as an app on OpenID (open_id only)");
  await expect(page).toHaveURL(/\/checkout\?alipay=open-id-only$/);
  await expect(page.getByText("Alipay identified your account in a way this shop cannot yet use")).toBeVisible();
  await page.getByRole("button", { name: "Pay with Alipay", exact: true }).click();
  await expect(page).toHaveURL(/\/sandbox\/cashier\/\d{26}$/);
});

test("in the Alipay app: cancelled in the cashier (6001), the order stays awaiting payment and is paid on a second try", async ({
  inAlipayApp: page,
}) => {
  await pressAndAllow(page);
  await cashier(page).getByRole("button", { name: "Cancel", exact: true }).click();

  await expect(cashier(page)).toBeHidden();
  await expect(page.getByText("You closed Alipay’s cashier without paying.")).toBeVisible();
  await expect(orderStatus(page)).toHaveText("Awaiting payment");
  // The hint changes nothing: asked again, the shop still says awaiting payment.
  await page.waitForTimeout(3_500);
  await expect(orderStatus(page)).toHaveText("Awaiting payment");

  await page.getByRole("button", { name: "Open Alipay’s cashier again" }).click();
  await expect(cashier(page)).toBeVisible();
  await cashier(page).getByRole("button", { name: "Pay", exact: true }).click();
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 15_000 });
});

test("in the Alipay app: after a decline (4000) the status says failed and Alipay can be tried again", async ({
  inAlipayApp: page,
}) => {
  await pressAndAllow(page);
  await cashier(page).getByRole("button", { name: "Decline", exact: true }).click();
  await expect(orderStatus(page)).toHaveText("Payment failed", { timeout: 15_000 });
  await page.getByRole("button", { name: "Try again with Alipay" }).click();
  await expect(cashier(page)).toBeVisible();
  await cashier(page).getByRole("button", { name: "Pay", exact: true }).click();
  await expect(orderStatus(page)).toHaveText("Paid", { timeout: 15_000 });
});

test("outside the Alipay app, an order made in it says where it is paid and offers other ways", async ({
  inAlipayApp: page,
  page: elsewhere,
}) => {
  await pressAndAllow(page);
  const orderLink = await page.evaluate(() => location.pathname);
  // The same session's cookies in an ordinary browser.
  await elsewhere.context().addCookies(await page.context().cookies());
  await elsewhere.goto(orderLink);
  await expect(elsewhere.getByText("This payment is made in the Alipay app.")).toBeVisible();
  await expect(elsewhere.getByRole("dialog")).toHaveCount(0);
  await expect(elsewhere.getByRole("button", { name: "Pay with AlipayHK" })).toBeVisible();
});

test("in the Alipay app: the authorisation page and the order page with its cashier pass axe", async ({
  inAlipayApp: page,
}) => {
  await addToCart(page);
  await checkoutWith(page, "Alipay");
  await expect(page).toHaveURL(/\/sandbox\/alipay\/authorize\?/);
  await expectNoAxeViolations(page, "the sandbox's authorisation page");
  await page.getByRole("button", { name: "Allow", exact: true }).click();
  await expect(cashier(page).getByText("HK$128.00")).toBeVisible();
  await expectNoAxeViolations(page, "the order page with the cashier open");
  await cashier(page).getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(page.getByRole("button", { name: "Open Alipay’s cashier again" })).toBeVisible();
  await expectNoAxeViolations(page, "the order page after the cashier was closed");
});

test("in the Alipay app: a return that is not this visit's is refused in the shopper's language, and changes nothing", async ({
  inAlipayApp: page,
}) => {
  await addToCart(page);
  await page.goto("/zh-HK/checkout");
  await page.getByLabel("電郵地址").fill("shopper@example.com");
  await page.getByRole("button", { name: "用支付寶付款", exact: true }).click();
  await expect(page).toHaveURL(/\/sandbox\/alipay\/authorize\?/);
  const authorisePage = page.url();

  // Another visit's state (an attacker's link), then a junk one: refused in Traditional Chinese.
  for (const state of ["c29tZW9uZS1lbHNlcy1zdGF0ZS0xMjM0NTY3OA", "x"]) {
    const refused = await page.goto(`/api/alipay/return?state=${state}&auth_code=abcdefgh1234&scope=auth_base`);
    expect(refused!.status()).toBe(400);
    expect(refused!.headers()["content-language"]).toBe("zh-HK");
    expect(await refused!.text()).toContain("這次支付寶授權不屬於你目前的瀏覽");
  }
  const malformed = await page.goto("/api/alipay/return?auth_code=%3Cscript%3E");
  expect(malformed!.status()).toBe(400);
  expect(malformed!.headers()["content-language"]).toBe("zh-HK");
  expect(await malformed!.text()).toContain("這不是支付寶傳回的回覆");

  // The pending authorisation was left as it was: allowed now, it pays in one press, in Chinese.
  await page.goto(authorisePage);
  await page.getByRole("button", { name: "允許", exact: true }).click();
  await expect(page).toHaveURL(/\/zh-HK\/orders\/[\w-]{22}$/);
  await expect(page.getByRole("dialog", { name: "付款給QFPay Sandbox Merchant" })).toBeVisible();
});

test("in the Alipay app: goods sold out between the press and Alipay's return are named on the checkout at once", async ({
  inAlipayApp: page,
}) => {
  const tins = "Tea Caddy Tins, set of two";
  expect((await page.request.post("/sandbox/stock", { data: { sku: "GOOD-TIN-SET", stock: 1 } })).status()).toBe(200);
  await addToCart(page, tins);
  await checkoutWith(page, "Alipay");
  await expect(page).toHaveURL(/\/sandbox\/alipay\/authorize\?/);
  // Another shopper takes the last one while this one is on Alipay's page.
  expect((await page.request.post("/sandbox/stock", { data: { sku: "GOOD-TIN-SET", stock: 0 } })).status()).toBe(200);
  await page.getByRole("button", { name: "Allow", exact: true }).click();
  await expect(page).toHaveURL(/\/checkout\?alipay=unpaid$/);
  // The reason at once, not "press Pay with Alipay" and the reason only after that press.
  await expect(page.getByRole("main").getByRole("note")).toHaveText(
    `Your Alipay account is linked, but your order could not be placed: ${tins} is sold out. ` +
      "Check your cart, then press “Pay with Alipay” again.",
  );
  expect(await page.content()).not.toMatch(/2088\d{12}/);
});

test("in the Alipay app: a cart changed in another tab while Alipay's page was open is not paid for unseen", async ({
  inAlipayApp: page,
}) => {
  await addToCart(page);
  await checkoutWith(page, "Alipay");
  await expect(page).toHaveURL(/\/sandbox\/alipay\/authorize\?/);
  const otherTab = await page.context().newPage();
  await addToCart(otherTab, "Harbour Tote Bag");
  await otherTab.close();
  await page.getByRole("button", { name: "Allow", exact: true }).click();
  await expect(page).toHaveURL(/\/checkout\?alipay=unpaid$/);
  await expect(page.getByRole("main").getByRole("note")).toHaveText(
    "Your Alipay account is linked, but your order could not be placed: Your cart changed while Alipay was open. " +
      "Check your cart, then press “Pay with Alipay” again.",
  );
  // Still linked: the next press pays the cart as it is now in Alipay's cashier, with no second authorisation.
  await page.getByRole("button", { name: "Pay with Alipay", exact: true }).click();
  await expect(page).toHaveURL(/\/orders\/[\w-]{22}$/);
  await expect(cashier(page)).toBeVisible();
});
