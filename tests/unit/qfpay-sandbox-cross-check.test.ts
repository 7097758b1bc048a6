import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyNotificationSignature } from "@/lib/qfpay/notification";
import { checkPaymentRequest, type PaymentRequest } from "@/lib/qfpay/payment-request";
import { compactParams, signParams, type SignType } from "@/lib/qfpay/sign";
import { SANDBOX_APP_CODE, SANDBOX_CLIENT_KEY } from "@/lib/sandbox/credentials";
import { notificationSignature } from "@/lib/sandbox/notification-signature";
import { paymentFieldsProblem } from "@/lib/sandbox/payment-rules";
import { requestSignature, signatureMatches } from "@/lib/sandbox/request-signature";
import { readSignedForm } from "@/lib/sandbox/signed-form";
import { rowVerdicts, type Verdict, type Row } from "../support/cross-check-rows";

/**
 * The client (lib/qfpay) and the sandbox (lib/sandbox) read QFPay's documentation independently. Fed
 * the same requests, they must agree on what QFPay takes, or a row says where and why they differ
 * (`differs`), with the documentation that decides it. A change on either side that breaks agreement
 * fails here, so a rule misread on one side is no longer passed by the other.
 */

interface Vectors {
  client_key: string;
  requests: { params: Record<string, string>; md5: string; sha256: string }[];
  notifications: { raw_body: string; x_qf_sign: string }[];
}
const vectors = JSON.parse(
  readFileSync(new URL("../fixtures/qfpay-sign-vectors.json", import.meta.url), "utf8"),
) as Vectors;

const valid: PaymentRequest = {
  txamt: 2500,
  txcurrcd: "HKD",
  pay_type: "801514",
  out_trade_no: "P0123456789ABCDEF",
  txdtm: "2026-11-22 14:21:28",
  expired_time: 30,
  goods_name: "Jasmine Pearls 50 g",
  return_url: "https://shop.example/orders/abc?t=xyz",
  notify_url: "https://shop.example/api/qfpay/notify",
};

type Signing = (wire: Record<string, string>) => { sign: string | null; signType: SignType; declaredType?: string };
const signedRight: Signing = (wire) => ({ sign: signParams(wire, SANDBOX_CLIENT_KEY), signType: "MD5" });

interface PaymentRow extends Row {
  request: Partial<Record<keyof PaymentRequest, unknown>>;
  signing?: Signing;
}

const payment = (
  name: string,
  change: PaymentRow["request"],
  verdict: Verdict,
  extra: Partial<PaymentRow> = {},
): PaymentRow => ({ name, request: change, verdict, ...extra });
const ext20 = "𠀀".repeat(20); // 20 letters of CJK extension B: 80 bytes of UTF-8

const PAYMENT_ROWS: PaymentRow[] = [
  payment("the shop's own request (AlipayHK web)", {}, "accept"),
  payment("AlipayHK WAP", { pay_type: "801512", return_url: "https://shop.example/orders/abc" }, "accept"),
  payment("Alipay web above 1 HKD", { pay_type: "801101", txamt: 101 }, "accept"),
  payment("Alipay WAP in CNY", { pay_type: "801107", txcurrcd: "CNY", return_url: "https://shop.example/o" }, "accept"),
  payment(
    "Service Window H5 with openid",
    { pay_type: "800107", expired_time: undefined, openid: "2088102122524333", return_url: undefined },
    "accept",
  ),
  payment(
    "only the required fields",
    { expired_time: undefined, goods_name: undefined, return_url: undefined, notify_url: undefined },
    "accept",
  ),
  payment("a Chinese goods_name", { goods_name: "茶葉禮盒" }, "accept"),
  payment("expired_time 5 and udid", { expired_time: 5, udid: "till-01" }, "accept"),
  payment("expired_time 120 and txzone", { expired_time: 120, txzone: "+0800" }, "accept"),
  payment("out_trade_no of 128", { out_trade_no: "X".repeat(128) }, "accept"),
  payment("a leap day", { txdtm: "2028-02-29 23:59:59" }, "accept"),
  payment("txamt at Int(11)'s top", { txamt: 2_147_483_647 }, "accept"),
  payment("SHA-256 in lowercase", {}, "accept", {
    signing: (wire) => ({ sign: signParams(wire, SANDBOX_CLIENT_KEY, "SHA256").toLowerCase(), signType: "SHA256" }),
  }),

  payment("a pay type QFPay does not list", { pay_type: "999999" }, "refuse"),
  payment("a five-digit pay type", { pay_type: "80151" }, "refuse"),
  payment("a listed pay type this app is not enabled for", { pay_type: "800201", expired_time: undefined }, "accept", {
    differs: {
      sandbox: "refuse",
      why: "the client knows every listed pay type, the credentials decide (seed 004: 'Verify that your API credentials allow for the selected pay_type'); the sandbox app code is enabled for the Alipay online types only",
    },
  }),
  payment("a missing txamt", { txamt: undefined }, "refuse"),
  payment("a zero txamt", { txamt: 0 }, "refuse"),
  payment("a negative txamt", { txamt: -100 }, "refuse"),
  payment("a fractional txamt", { txamt: 12.5 }, "refuse"),
  payment("a txamt that is not a number", { txamt: Number.NaN }, "refuse"),
  payment("a txamt above Int(11)", { txamt: 2_147_483_648 }, "refuse"),
  payment("1 HKD on 801101", { pay_type: "801101", txamt: 100 }, "refuse"),
  payment("US$0.50 on 801101", { pay_type: "801101", txcurrcd: "USD", txamt: 50 }, "refuse", {
    differs: {
      sandbox: "accept",
      why: "both read seed 004's 'more than 1 HKD' with a margin for the rate; the client's floor (US$1) keeps a wider one than the sandbox's (about HK$2). The client is the stricter: the shop never sends what the sandbox would refuse",
    },
  }),
  payment("an unknown currency", { txcurrcd: "ABC" }, "refuse"),
  payment("a lowercase currency", { txcurrcd: "hkd" }, "refuse"),
  payment("USD on AlipayHK", { txcurrcd: "USD" }, "refuse"),
  payment("a missing currency", { txcurrcd: "" }, "refuse"),
  payment("an empty out_trade_no", { out_trade_no: "" }, "refuse"),
  payment("out_trade_no of 129", { out_trade_no: "X".repeat(129) }, "refuse"),
  payment("out_trade_no with a space", { out_trade_no: "P 1" }, "refuse"),
  payment("out_trade_no in Chinese", { out_trade_no: "訂單1" }, "refuse"),
  payment("txdtm in ISO form", { txdtm: "2026-11-22T14:21:28" }, "refuse"),
  payment("txdtm with an offset", { txdtm: "2026-11-22 14:21:28+08:00" }, "refuse"),
  payment("txdtm not on the calendar", { txdtm: "2026-02-29 10:00:00" }, "refuse"),
  payment("txdtm at 24:00", { txdtm: "2026-11-22 24:00:00" }, "refuse"),
  payment("txdtm month 13", { txdtm: "2026-13-01 10:00:00" }, "refuse"),
  // No source dates a request: both refuse years before 1000, where a DATETIME column starts.
  payment("txdtm in the year 999", { txdtm: "0999-12-31 23:59:59" }, "refuse"),
  payment("expired_time 4", { expired_time: 4 }, "refuse"),
  payment("expired_time 121", { expired_time: 121 }, "refuse"),
  payment("a fractional expired_time", { expired_time: 30.5 }, "refuse"),
  payment(
    "expired_time on 800107, which takes none",
    { pay_type: "800107", openid: "2088102122524333", return_url: undefined },
    "refuse",
  ),
  payment("800107 without openid", { pay_type: "800107", expired_time: undefined, return_url: undefined }, "refuse"),
  payment("goods_name of 21", { goods_name: "A".repeat(21) }, "refuse"),
  payment("goods_name with special characters", { goods_name: "Tea & Cups" }, "refuse"),
  payment("goods_name with an emoji", { goods_name: "Tea 🍵" }, "refuse"),
  payment("an empty goods_name", { goods_name: "" }, "refuse", {
    differs: {
      sandbox: "accept",
      why: "the client refuses the empty name; on the wire it is left out (never send an empty field), so QFPay and the sandbox see no goods_name, which is optional",
    },
  }),
  // Seed 001: goods_name "Cannot be empty"; String(64) (seeds 001, 004) counts bytes: 20 four-byte letters are 80.
  payment("a goods_name of spaces", { goods_name: "   " }, "refuse"),
  payment("20 letters over 64 bytes", { goods_name: ext20 }, "refuse"),
  payment(
    "return_url of 200 on WAP",
    { pay_type: "801512", return_url: `https://x.example/${"a".repeat(182)}` },
    "accept",
  ),
  payment(
    "return_url of 512 on web, notify_url of 256",
    { return_url: `https://x.example/${"a".repeat(494)}`, notify_url: `https://x.example/${"a".repeat(238)}` },
    "accept",
  ),
  payment(
    "return_url of 201 on WAP",
    { pay_type: "801512", return_url: `https://x.example/${"a".repeat(183)}` },
    "refuse",
  ),
  payment("return_url of 513 on web", { return_url: `https://x.example/${"a".repeat(495)}` }, "refuse"),
  // String(512) and the WAP limit of 200 are bytes: both count the URL in UTF-8.
  payment(
    "a WAP return_url of 118 characters, 218 bytes",
    { pay_type: "801512", return_url: `https://x.example/${"é".repeat(100)}` },
    "refuse",
  ),
  payment("return_url that is not http(s)", { return_url: "ftp://shop.example/o" }, "refuse"),
  payment("return_url that is no address", { return_url: "orders/abc" }, "refuse"),
  payment("notify_url of 257", { notify_url: `https://x.example/${"a".repeat(239)}` }, "refuse"),
  payment("udid of 41", { udid: "U".repeat(41) }, "refuse"),
  payment("txzone not an offset", { txzone: "HKT" }, "refuse"),
  // String(5) "Transaction Time zone" (seed 001): real offsets only, up to ±14:00.
  payment("txzone +9999", { txzone: "+9999" }, "refuse"),

  payment("no signature", {}, "refuse", { signing: () => ({ sign: null, signType: "MD5" }) }),
  payment("a forged signature", {}, "refuse", { signing: () => ({ sign: "0".repeat(32), signType: "MD5" }) }),
  payment("signed with another key", {}, "refuse", {
    signing: (wire) => ({ sign: signParams(wire, "ANOTHERKEY"), signType: "MD5" }),
  }),
  payment("a field sent but not signed", {}, "refuse", {
    signing: (wire) => ({ sign: signParams({ ...wire, goods_name: "Other" }, SANDBOX_CLIENT_KEY), signType: "MD5" }),
  }),
  payment("an MD5 signature sent as SHA256", {}, "refuse", {
    signing: (wire) => ({ sign: signParams(wire, SANDBOX_CLIENT_KEY), signType: "SHA256" }),
  }),
];

/** As lib/qfpay/client.ts sends it: the request compacted, signed, form-encoded. */
function wireOf(row: PaymentRow): Record<string, string> {
  return compactParams({ ...valid, ...row.request } as Record<string, string | number | undefined>);
}

/** The client's reading: its parameter check, and a signature that is its own signParams (hex in either case). */
function clientVerdict(row: PaymentRow): Verdict {
  const wire = wireOf(row);
  const { sign, signType } = (row.signing ?? signedRight)(wire);
  const signed = sign !== null && sign.toUpperCase() === signParams(wire, SANDBOX_CLIENT_KEY, signType);
  return signed && checkPaymentRequest({ ...valid, ...row.request } as PaymentRequest).length === 0
    ? "accept"
    : "refuse";
}

/** The sandbox's reading: the request as its endpoint reads it, signature first, then its own parameter rules. */
async function sandboxVerdict(row: PaymentRow): Promise<Verdict> {
  const wire = wireOf(row);
  const { sign, signType } = (row.signing ?? signedRight)(wire);
  const headers: Record<string, string> = {
    "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
    "X-QF-APPCODE": SANDBOX_APP_CODE,
  };
  if (sign !== null) headers["X-QF-SIGN"] = sign;
  if (signType === "SHA256") headers["X-QF-SIGNTYPE"] = "SHA256";
  const form = await readSignedForm(
    new Request("https://sandbox.example/trade/v1/payment", {
      method: "POST",
      headers,
      body: new URLSearchParams(wire).toString(),
    }),
  );
  return form.ok && paymentFieldsProblem(form.fields) === null ? "accept" : "refuse";
}

describe("the client and the sandbox read /trade/v1/payment alike", () => {
  it.each(PAYMENT_ROWS.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    expect({ client: clientVerdict(row), sandbox: await sandboxVerdict(row) }).toEqual(rowVerdicts(row));
  });

  it("never has the client send what the sandbox refuses, except where a row says the sandbox is stricter", () => {
    const clientLax = PAYMENT_ROWS.filter(
      (row) => rowVerdicts(row).client === "accept" && rowVerdicts(row).sandbox === "refuse",
    );
    expect(clientLax.map((row) => row.name)).toEqual(["a listed pay type this app is not enabled for"]);
  });
});

describe("the client and the sandbox sign alike, as the seeds' Python does", () => {
  it.each(vectors.requests.map((vector, i) => [i, vector] as const))("request vector %i", (_i, vector) => {
    for (const [type, expected] of [
      ["MD5", vector.md5],
      ["SHA256", vector.sha256],
    ] as const) {
      expect(signParams(vector.params, vectors.client_key, type)).toBe(expected);
      expect(requestSignature(vector.params, vectors.client_key, type)).toBe(expected);
      expect(signatureMatches(vector.params, expected.toLowerCase(), vectors.client_key, type)).toBe(true);
    }
  });

  it("orders names the same way, capitals first", () => {
    const fields = { b: "1", B: "2", a_b: "3", ab: "4", "a-b": "5" };
    expect(requestSignature(fields, vectors.client_key, "MD5")).toBe(signParams(fields, vectors.client_key, "MD5"));
  });

  it.each(vectors.notifications.map((vector, i) => [i, vector] as const))(
    "notification vector %i: the sandbox signs what the client verifies",
    (_i, vector) => {
      expect(notificationSignature(vector.raw_body, vectors.client_key)).toBe(vector.x_qf_sign);
      expect(
        verifyNotificationSignature(
          vector.raw_body,
          notificationSignature(vector.raw_body, vectors.client_key),
          vectors.client_key,
        ),
      ).toBe(true);
    },
  );
});
