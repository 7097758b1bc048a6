import { describe, expect, it } from "vitest";
import {
  checkCreateRequest,
  checkQueryRequest,
  type CreateIntentRequest,
  type QueryIntentRequest,
} from "@/lib/cbtis/intent-request";
import { createRequestProblem, queryRequestSchema } from "@/lib/sandbox/cbtis/request-rules";
import { rowVerdicts, type Row, type Verdict } from "../support/cross-check-rows";

/**
 * The CBTIS client (lib/cbtis) and its stand-in (lib/sandbox/cbtis) read seed 003 independently. Fed the
 * same requests, they must agree on what CBTIS takes, or a row says where and why they differ, so that a
 * rule misread on one side is not passed by the other.
 */

const valid: CreateIntentRequest = {
  amount: "128.00",
  currency: "HKD",
  merchant_order_id: "P0123456789ABCDEF01234567",
  description: "Jasmine Pearls 50 g",
  notify_url: "https://shop.example/api/cbtis/notify",
  payment_method: { type: "alipayhk", alipayhk: { flow: "web_qrcode", payment_method: "ALIPAYHK" } },
};

interface CreateRow extends Row {
  request: Record<string, unknown>;
}
const create = (name: string, change: Record<string, unknown>, verdict: Verdict, extra: Partial<CreateRow> = {}) => ({
  name,
  request: { ...valid, ...change },
  verdict,
  ...extra,
});
const method = (flow: string, wallet: string) => ({
  payment_method: { type: "alipayhk", alipayhk: { flow, payment_method: wallet } },
});

const CREATE_ROWS: CreateRow[] = [
  create("the shop's own request (AlipayHK QR)", {}, "accept"),
  create("Alipay (mainland) on a phone", method("mobile_web", "ALIPAYCN"), "accept"),
  create("one dollar, as the seed's example", { amount: "1" }, "accept"),
  create("one decimal", { amount: "19.9" }, "accept"),
  create("twelve digits of dollars", { amount: "999999999999.99" }, "accept"),
  create("no notify_url", { notify_url: undefined }, "accept"),
  create("a notify_url on a port over http", { notify_url: "http://127.0.0.1:3000/api/cbtis/notify" }, "accept"),
  create("a Chinese description", { description: "茶葉禮盒" }, "accept"),
  create("merchant_order_id of 32", { merchant_order_id: "X".repeat(32) }, "accept"),
  create("zero", { amount: "0.00" }, "refuse"),
  create("three decimals", { amount: "1.005" }, "refuse"),
  create("a negative amount", { amount: "-1.00" }, "refuse"),
  create("an amount with a thousands separator", { amount: "1,000.00" }, "refuse"),
  create("an amount in exponent form", { amount: "1e3" }, "refuse"),
  create("thirteen digits of dollars", { amount: "1000000000000" }, "refuse"),
  create("TWD, the query example's currency", { currency: "TWD" }, "refuse"),
  create("hkd in lowercase", { currency: "hkd" }, "refuse"),
  create("merchant_order_id of 33", { merchant_order_id: "X".repeat(33) }, "refuse"),
  create("merchant_order_id with a space", { merchant_order_id: "P 1" }, "refuse"),
  create("an empty merchant_order_id", { merchant_order_id: "" }, "refuse"),
  create("an empty description", { description: "" }, "refuse"),
  create("a blank description", { description: "   " }, "refuse"),
  create("a description of 129", { description: "x".repeat(129) }, "refuse", {
    differs: {
      sandbox: "accept",
      why: "the seed sets no limit: the shop keeps 128 (one line in the wallet), the stand-in refuses past 256",
    },
  }),
  create("a notify_url that is not a URL", { notify_url: "shop.example/notify" }, "refuse"),
  create("a notify_url of another scheme", { notify_url: "ftp://shop.example/notify" }, "refuse"),
  create("a notify_url that does not parse", { notify_url: "http://[shop" }, "refuse"),
  create("the example's flow 'cashier'", method("cashier", "ALIPAYHK"), "refuse"),
  create(
    "the example's type 'aplus'",
    { payment_method: { type: "aplus", alipayhk: valid.payment_method.alipayhk } },
    "refuse",
  ),
  create("a wallet the solution does not take", method("web_qrcode", "WECHAT"), "refuse"),
];

interface QueryRow extends Row {
  request: Record<string, unknown>;
}
const QUERY_ROWS: QueryRow[] = [
  { name: "by order_id", request: { order_id: "C000000000000000000001" }, verdict: "accept" },
  { name: "by merchant_order_id", request: { merchant_order_id: "P0123456789ABCDEF" }, verdict: "accept" },
  { name: "by both", request: { order_id: "C1", merchant_order_id: "P1" }, verdict: "accept" },
  { name: "an id of 64", request: { order_id: "C".repeat(64) }, verdict: "accept" },
  { name: "neither", request: {}, verdict: "refuse" },
  { name: "an empty order_id", request: { order_id: "" }, verdict: "refuse" },
  { name: "an id of 65", request: { merchant_order_id: "P".repeat(65) }, verdict: "refuse" },
  { name: "an id with a space", request: { order_id: "C 1" }, verdict: "refuse" },
];

const clientVerdict = (problems: unknown[]): Verdict => (problems.length === 0 ? "accept" : "refuse");

describe("the CBTIS client and its stand-in read seed 003 alike", () => {
  it.each(CREATE_ROWS)("create: $name", (row) => {
    const request = JSON.parse(JSON.stringify(row.request)) as CreateIntentRequest;
    expect({
      client: clientVerdict(checkCreateRequest(request)),
      sandbox: createRequestProblem(request) === null ? "accept" : "refuse",
    }).toEqual(rowVerdicts(row));
  });

  it.each(QUERY_ROWS)("query: $name", (row) => {
    expect({
      client: clientVerdict(checkQueryRequest(row.request as QueryIntentRequest)),
      sandbox: queryRequestSchema.safeParse(row.request).success ? "accept" : "refuse",
    }).toEqual(rowVerdicts(row));
  });
});
