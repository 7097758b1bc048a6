import { expect, test as setup } from "@playwright/test";

// Checkout holds goods while their payment can be made (30 minutes): the whole suite's orders would
// run the demo shop out of Jasmine Pearls. Every product gets plenty, before any test.
setup("stock the demo shop", async ({ request }) => {
  const response = await request.post("/sandbox/stock", { data: { stock: 100_000 } });
  expect(response.status()).toBe(200);
});
