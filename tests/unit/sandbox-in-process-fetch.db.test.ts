import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sandboxTransactions } from "@/lib/db/schema/sandbox";
import { formatGatewayTime } from "@/lib/qfpay/gateway-time";
import type { PaymentRequest } from "@/lib/qfpay/payment-request";
import { inProcessSandboxFetch } from "@/lib/sandbox/in-process-fetch";
import { startSandbox, type SandboxHarness } from "../support/sandbox-harness";

// Nothing listens here: a request that reached the network instead of the gateway object would fail.
const UNREACHABLE_SITE = "http://127.0.0.1:9";

let sandbox: SandboxHarness;
let sequence = 0;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await sandbox.control({ action: "reset" });
});

function payment(): PaymentRequest {
  sequence += 1;
  return {
    txamt: 1999,
    txcurrcd: "HKD",
    pay_type: "801514",
    out_trade_no: `IP-${Date.now()}-${sequence}`,
    txdtm: formatGatewayTime(new Date()),
    expired_time: 30,
    notify_url: sandbox.receiverUrl,
  };
}

function inProcessClient(timeoutMs = 3_000) {
  const fetch = inProcessSandboxFetch(sandbox.gateway, UNREACHABLE_SITE);
  return sandbox.client({ baseUrl: `${UNREACHABLE_SITE}/sandbox/qfpay`, fetch, timeoutMs });
}

describe("the shop's QFPay client calling the sandbox in its own process", () => {
  it("gets the gateway's own signed answer and stores the payment, with no HTTP on the way", async () => {
    const request = payment();
    const outcome = await inProcessClient().createPayment(request);
    expect(outcome).toMatchObject({ kind: "accepted", value: { out_trade_no: request.out_trade_no, txamt: 1999 } });
    const [stored] = await sandbox.database.db
      .select()
      .from(sandboxTransactions)
      .where(eq(sandboxTransactions.outTradeNo, request.out_trade_no));
    expect(stored?.txamt).toBe(1999);
  });

  it("keeps the client's deadline: a sandbox answer delayed past it is a timeout", async () => {
    await sandbox.control({ action: "fault", fault: { endpoint: "payment", kind: "timeout", delayMs: 1_500 } });
    // Without the deadline the sandbox's late answer would be read as accepted.
    expect(await inProcessClient(300).createPayment(payment())).toMatchObject({ kind: "transport", reason: "timeout" });
  });

  it("refuses a wrongly signed request as the gateway does (1108)", async () => {
    const fetch = inProcessSandboxFetch(sandbox.gateway, UNREACHABLE_SITE);
    const client = sandbox.client({
      baseUrl: `${UNREACHABLE_SITE}/sandbox/qfpay`,
      fetch,
      clientKey: "not-the-sandbox-key",
    });
    expect(await client.createPayment(payment())).toMatchObject({ kind: "failed", code: "1108" });
  });

  it("sends any other address to the network", async () => {
    const fetch = inProcessSandboxFetch(sandbox.gateway, UNREACHABLE_SITE);
    const outcome = await sandbox.client({ fetch }).createPayment(payment());
    expect(outcome.kind).toBe("accepted");
  });
});
