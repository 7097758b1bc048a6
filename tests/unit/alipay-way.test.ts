import { describe, expect, it } from "vitest";
import { alipayWay } from "@/lib/web/alipay-way";

/* Which road "Pay with Alipay" takes: Alipay's cashier in its app, the authorisation first, or its web page. */

const inApp = { alipayApp: true };
const browser = { alipayApp: false };
const USER = "2088102122524333";

describe("the way Alipay is paid", () => {
  it("inside the Alipay app with the Service Window: the authorisation first, then Alipay's own cashier", () => {
    expect(alipayWay("alipay", true, inApp, {})).toEqual({ kind: "authorise" });
    expect(alipayWay("alipay", true, inApp, { alipayUserId: USER })).toEqual({ kind: "in-app", userId: USER });
  });

  it("after a denied or failed authorisation: Alipay's web page, without asking again", () => {
    expect(alipayWay("alipay", true, inApp, { alipayFallback: "declined" })).toEqual({ kind: "web" });
    expect(alipayWay("alipay", true, inApp, { alipayFallback: "failed" })).toEqual({ kind: "web" });
  });

  it("anywhere else, for AlipayHK, or without the Service Window: the web page, whatever the session holds", () => {
    expect(alipayWay("alipay", true, browser, { alipayUserId: USER })).toEqual({ kind: "web" });
    expect(alipayWay("alipayhk", true, inApp, { alipayUserId: USER })).toEqual({ kind: "web" });
    expect(alipayWay("alipay", false, inApp, { alipayUserId: USER })).toEqual({ kind: "web" });
  });
});
