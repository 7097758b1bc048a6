import { afterAll, beforeAll, expect, it } from "vitest";
import { formatGatewayTime } from "@/lib/qfpay/gateway-time";
import { startSandbox, type SandboxHarness } from "../support/sandbox-harness";
import { signedPost } from "../support/signed-post";

// The gateway as a serverless instance runs it: no timer survives between requests, so only a request
// (its after(): the status poll, the order page, the cashier, the cron) sends what fell due.
let sandbox: SandboxHarness;
beforeAll(async () => {
  sandbox = await startSandbox({ retryTimer: false });
});
afterAll(async () => {
  await sandbox?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("keeps QFPay's retry schedule, shortened by a test, with requests alone: nothing before a retry is due, the retry once it is", async () => {
  // At this scale QFPay's 2 minutes are 120 ms and its next 10 minutes 600 ms.
  await sandbox.control({ action: "settings", timeScale: 0.001 });
  sandbox.receiverAnswer.status = 500;
  const created = await signedPost(sandbox.apiBase, "payment", {
    txamt: "2500",
    txcurrcd: "HKD",
    pay_type: "801514",
    out_trade_no: `RD-${Date.now()}`,
    txdtm: formatGatewayTime(new Date()),
    notify_url: sandbox.receiverUrl,
  });
  expect(created.json.respcd).toBe("0000");
  await sandbox.control({ action: "pay", syssn: created.json.syssn });
  await sandbox.gateway.deliveriesSettled();
  expect(sandbox.received).toHaveLength(1); // the first attempt, sent by the request that paid

  await sleep(300);
  expect(sandbox.received, "no timer sent the retry").toHaveLength(1);
  await sandbox.gateway.deliverNotifications(); // a request arrives: the 2-minute retry is due
  expect(sandbox.received).toHaveLength(2);
  await sandbox.gateway.deliverNotifications(); // another at once: the next retry is 10 minutes out
  expect(sandbox.received).toHaveLength(2);

  sandbox.receiverAnswer.status = 200;
  await sleep(700);
  await sandbox.gateway.deliverNotifications();
  expect(sandbox.received).toHaveLength(3);
  const inspected = await sandbox.gateway.inspect({ syssn: created.json.syssn as string });
  expect(inspected?.notifications[0]).toMatchObject({ attempts: 3, lastResult: "HTTP 200 SUCCESS" });
});
