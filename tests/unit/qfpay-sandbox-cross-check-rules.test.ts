import { describe, expect, it } from "vitest";
import { formatGatewayTime, parseGatewayTime } from "@/lib/qfpay/gateway-time";
import { checkRefundRequest, type RefundRequest } from "@/lib/qfpay/payment-request";
import { checkQueryRequest, type QueryRequest } from "@/lib/qfpay/query-request";
import { monthWindow, queryWindowsFor } from "@/lib/qfpay/query-window";
import { inRefundBlackout as clientBlackout } from "@/lib/qfpay/refund-window";
import { compactParams } from "@/lib/qfpay/sign";
import { transactionStateOf } from "@/lib/qfpay/status-codes";
import { fromGatewayTime, toGatewayTime } from "@/lib/sandbox/gateway-clock";
import { monthContaining } from "@/lib/sandbox/query-month";
import { readQuery } from "@/lib/sandbox/query-rules";
import { inRefundBlackout as sandboxBlackout } from "@/lib/sandbox/refund-blackout";
import { refundFieldsProblem } from "@/lib/sandbox/refund-rules";
import { stateOf } from "@/lib/sandbox/transaction-states";
import { rowVerdicts, type Row, type Verdict } from "../support/cross-check-rows";

/** The other half of the cross-check: refunds, queries, gateway time, the refund window, transaction states. */

const wire = (request: object) => compactParams(request as Record<string, string | number | undefined>);
const verdict = (ok: boolean): Verdict => (ok ? "accept" : "refuse");

const refund: RefundRequest = {
  syssn: "20261122000200020087033882",
  out_trade_no: "R0123456789ABCDEF",
  txamt: 100,
  txdtm: "2026-11-23 10:00:00",
};
const REFUND_ROWS: (Row & { request: Partial<Record<keyof RefundRequest, unknown>> })[] = [
  { name: "the shop's own refund", request: {}, verdict: "accept" },
  { name: "with a udid", request: { udid: "till-01" }, verdict: "accept" },
  { name: "no syssn", request: { syssn: "" }, verdict: "refuse" },
  { name: "a syssn of 41", request: { syssn: "2".repeat(41) }, verdict: "refuse" },
  { name: "an out_trade_no of 129", request: { out_trade_no: "R".repeat(129) }, verdict: "refuse" },
  { name: "a zero txamt", request: { txamt: 0 }, verdict: "refuse" },
  { name: "a fractional txamt", request: { txamt: 1.5 }, verdict: "refuse" },
  { name: "a bad txdtm", request: { txdtm: "2026-11-31 10:00:00" }, verdict: "refuse" },
  { name: "a udid of 41", request: { udid: "U".repeat(41) }, verdict: "refuse" },
];

describe("the client and the sandbox read /trade/v1/refund alike", () => {
  it.each(REFUND_ROWS.map((row) => [row.name, row] as const))("%s", (_name, row) => {
    const request = { ...refund, ...row.request } as RefundRequest;
    expect({
      client: verdict(checkRefundRequest(request).length === 0),
      sandbox: verdict(refundFieldsProblem(wire(request)) === null),
    }).toEqual(rowVerdicts(row));
  });
});

const now = new Date("2026-11-22T06:21:28Z"); // 14:21:28 in UTC+8
const QUERY_ROWS: (Row & { request: QueryRequest })[] = [
  { name: "nothing: the current month", request: {}, verdict: "accept" },
  {
    name: "the shop's query",
    request: { out_trade_no: "P1,P2", ...monthWindow("2026-02-14 10:00:00"), page_size: 50 },
    verdict: "accept",
  },
  {
    name: "a syssn and a page",
    request: { syssn: "20261122000200020087033882", page: 3, page_size: 100 },
    verdict: "accept",
  },
  { name: "page 0", request: { page: 0 }, verdict: "refuse" },
  { name: "page_size 101", request: { page_size: 101 }, verdict: "refuse" },
  { name: "a fractional page_size", request: { page_size: 2.5 }, verdict: "refuse" },
  {
    name: "a range across two months",
    request: { start_time: "2026-10-31 00:00:00", end_time: "2026-11-01 00:00:00" },
    verdict: "refuse",
  },
  { name: "start_time in ISO form", request: { start_time: "2026-11-01T00:00:00" }, verdict: "refuse" },
  {
    name: "a range ending before it starts",
    request: { start_time: "2026-11-20 00:00:00", end_time: "2026-11-10 00:00:00" },
    verdict: "refuse",
  },
];

describe("the client and the sandbox read /trade/v1/query alike", () => {
  it.each(QUERY_ROWS.map((row) => [row.name, row] as const))("%s", (_name, row) => {
    const sandbox = readQuery(wire(row.request), now);
    expect({
      client: verdict(checkQueryRequest(row.request).length === 0),
      sandbox: verdict(!("resperr" in sandbox)),
    }).toEqual(rowVerdicts(row));
  });

  it.each([
    "2026-01-15 12:00:00",
    "2026-02-28 23:59:59",
    "2028-02-01 00:00:00",
    "2026-04-30 10:00:00",
    "2026-12-31 23:59:59",
  ])("finds the same month around %s", (time) => {
    const client = monthWindow(time);
    expect(monthContaining(time)).toEqual({ start: client.start_time, end: client.end_time });
  });

  it.each(["2026-10-31 23:59:59", "2026-11-01 00:00:01", "2026-12-31 23:30:00"])(
    "takes every window the client sends for a payment at %s",
    (txdtm) => {
      for (const window of queryWindowsFor(txdtm)) expect(readQuery(wire(window), now)).not.toHaveProperty("resperr");
    },
  );
});

describe("the client and the sandbox keep gateway time alike (UTC+8, no offset)", () => {
  it.each(["2026-11-22T06:21:28Z", "2026-12-31T16:00:00Z", "2028-02-28T16:00:00Z", "1999-12-31T15:59:59Z"])(
    "writes %s the same",
    (iso) => {
      expect(toGatewayTime(new Date(iso))).toBe(formatGatewayTime(new Date(iso)));
    },
  );

  it.each([
    "2026-11-22 14:21:28",
    "2028-02-29 00:00:00",
    "2026-02-29 00:00:00",
    "2026-11-22 14:21",
    "2026-11-22 14:60:00",
    "2026-11-22 14:21:28 ",
  ])("reads %j the same", (text) => {
    expect(fromGatewayTime(text)?.toISOString() ?? null).toBe(parseGatewayTime(text)?.toISOString() ?? null);
  });
});

describe("the client and the sandbox keep the refund window alike (1265, 23:30 to 00:30 in UTC+8)", () => {
  const at = (clock: string) => new Date(`2026-11-22T${clock}+08:00`);
  // Both named ends of seed 004's "11:30pm to 0:30am" are in the window.
  it.each(["23:29:59", "23:30:00", "23:59:59", "00:00:00", "00:29:59", "00:30:00", "00:30:01", "12:00:00"])(
    "at %s",
    (clock) => {
      expect(sandboxBlackout(at(clock))).toBe(clientBlackout(at(clock)));
    },
  );
});

describe("the client and the sandbox read a queried transaction's respcd alike", () => {
  it.each(["0000", "1143", "1145", "1298", "1142", "1181", "1263", "1264", "1205", "1100"])("%s", (code) => {
    expect(stateOf(code)).toBe(transactionStateOf(code));
  });

  it("differ on 1295-1297: the query section lists them as no pending state; the client, erring safe, takes them as pending", () => {
    for (const code of ["1295", "1296", "1297"])
      expect({ client: transactionStateOf(code), sandbox: stateOf(code) }).toEqual({
        client: "pending",
        sandbox: "failed",
      });
  });
});
