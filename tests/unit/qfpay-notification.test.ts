import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseNotification, signNotificationBody, verifyNotificationSignature } from "@/lib/qfpay/notification";

interface Vectors {
  client_key: string;
  notifications: { raw_body: string; x_qf_sign: string }[];
}
const vectors = JSON.parse(
  readFileSync(new URL("../fixtures/qfpay-sign-vectors.json", import.meta.url), "utf8"),
) as Vectors;
const key = vectors.client_key;
const [payment, paymentChinese, refund] = vectors.notifications as [
  Vectors["notifications"][number],
  Vectors["notifications"][number],
  Vectors["notifications"][number],
];

describe("notification signature", () => {
  it.each(vectors.notifications.map((n, i) => [i, n] as const))("vector %i verifies over its raw bytes", (_i, n) => {
    expect(verifyNotificationSignature(n.raw_body, n.x_qf_sign, key)).toBe(true);
    expect(verifyNotificationSignature(new TextEncoder().encode(n.raw_body), n.x_qf_sign, key)).toBe(true);
    expect(signNotificationBody(n.raw_body, key)).toBe(n.x_qf_sign);
  });

  it("refuses a missing signature", () => {
    expect(verifyNotificationSignature(payment.raw_body, undefined, key)).toBe(false);
    expect(verifyNotificationSignature(payment.raw_body, null, key)).toBe(false);
  });

  it("refuses an empty signature", () => {
    expect(verifyNotificationSignature(payment.raw_body, "", key)).toBe(false);
  });

  it("refuses the right signature in lowercase", () => {
    expect(verifyNotificationSignature(payment.raw_body, payment.x_qf_sign.toLowerCase(), key)).toBe(false);
  });

  it("refuses a signature one character short or long", () => {
    expect(verifyNotificationSignature(payment.raw_body, payment.x_qf_sign.slice(0, -1), key)).toBe(false);
    expect(verifyNotificationSignature(payment.raw_body, payment.x_qf_sign + "0", key)).toBe(false);
  });

  it("refuses a signature with surrounding whitespace", () => {
    expect(verifyNotificationSignature(payment.raw_body, ` ${payment.x_qf_sign}`, key)).toBe(false);
  });

  it("refuses a re-serialised body with the same content", () => {
    const reserialised = JSON.stringify(JSON.parse(payment.raw_body));
    expect(reserialised).not.toBe(payment.raw_body);
    expect(verifyNotificationSignature(reserialised, payment.x_qf_sign, key)).toBe(false);
    const unescaped = JSON.stringify(JSON.parse(paymentChinese.raw_body), null, 1);
    expect(verifyNotificationSignature(unescaped, paymentChinese.x_qf_sign, key)).toBe(false);
  });

  it("refuses a body signed with another key", () => {
    const other = signNotificationBody(payment.raw_body, "ANOTHERKEY0000000000000000000000");
    expect(verifyNotificationSignature(payment.raw_body, other, key)).toBe(false);
    expect(verifyNotificationSignature(payment.raw_body, payment.x_qf_sign, "ANOTHERKEY0000000000000000000000")).toBe(
      false,
    );
  });

  it("refuses a tampered amount", () => {
    expect(verifyNotificationSignature(payment.raw_body.replace('"300"', '"30000"'), payment.x_qf_sign, key)).toBe(
      false,
    );
  });

  it("hashes non-ASCII bodies as bytes, and refuses them when they differ by one byte", () => {
    const body = '{"goods_name": "茶葉禮盒", "txamt": "100"}';
    const sign = signNotificationBody(body, key);
    expect(verifyNotificationSignature(body, sign, key)).toBe(true);
    expect(verifyNotificationSignature(body.replace("盒", "盆"), sign, key)).toBe(false);
    const bytes = new TextEncoder().encode(body);
    expect(verifyNotificationSignature(bytes.subarray(0, bytes.length - 1), sign, key)).toBe(false);
  });

  it("never throws, whatever it is given", () => {
    const inputs: unknown[] = [
      undefined,
      null,
      0,
      1.5,
      {},
      [],
      Symbol("x"),
      () => 1,
      new Uint8Array(0),
      "",
      "\u0000",
      "\ud800",
    ];
    for (const body of inputs) {
      for (const signature of inputs) {
        for (const k of [key, undefined, "", {}]) {
          expect(() => verifyNotificationSignature(body, signature, k)).not.toThrow();
          expect(verifyNotificationSignature(body, signature, k)).toBe(false);
        }
      }
    }
  });

  it("handles an empty body and a megabyte body", () => {
    expect(verifyNotificationSignature("", signNotificationBody("", key), key)).toBe(true);
    const big = "x".repeat(1024 * 1024);
    expect(verifyNotificationSignature(big, payment.x_qf_sign, key)).toBe(false);
  });
});

describe("notification parsing", () => {
  it("reads a payment notification", () => {
    const parsed = parseNotification(payment.raw_body);
    expect(parsed).toMatchObject({
      ok: true,
      notification: { notify_type: "payment", txamt: 300, txcurrcd: "HKD", out_trade_no: "ORD-0001-1" },
    });
  });

  it("reads non-ASCII escapes as the text they stand for", () => {
    const parsed = parseNotification(paymentChinese.raw_body);
    expect(parsed.ok && parsed.notification.goods_name).toBe("茶葉禮盒");
  });

  it("reads a refund notification and its original payment", () => {
    const parsed = parseNotification(refund.raw_body);
    expect(parsed).toMatchObject({
      ok: true,
      notification: { notify_type: "refund", txamt: 100, orig_syssn: "20261122000200020087033882" },
    });
  });

  it("accepts cancel as the old name of refund", () => {
    const parsed = parseNotification(refund.raw_body.replace('"notify_type": "refund"', '"notify_type": "cancel"'));
    expect(parsed.ok && parsed.notification.notify_type).toBe("refund");
  });

  it("keeps fields it does not know", () => {
    const parsed = parseNotification(payment.raw_body.replace("{", '{"brand_new": "x", '));
    expect(parsed.ok && (parsed.notification as Record<string, unknown>).brand_new).toBe("x");
  });

  it.each([
    ["empty", ""],
    ["not JSON", "status=1&txamt=300"],
    ["truncated", payment.raw_body.slice(0, 40)],
    ["an array", "[]"],
    ["an unknown type", payment.raw_body.replace('"notify_type": "payment"', '"notify_type": "other"')],
    ["a fractional amount", payment.raw_body.replace('"300"', '"3.00"')],
    ["a negative amount", payment.raw_body.replace('"300"', '"-300"')],
    ["no out_trade_no", payment.raw_body.replace('"out_trade_no": "ORD-0001-1", ', "")],
  ])("refuses %s without throwing", (_name, body) => {
    expect(parseNotification(body).ok).toBe(false);
  });

  it("refuses bytes that are not UTF-8", () => {
    expect(parseNotification(new Uint8Array([0x7b, 0xff, 0x7d])).ok).toBe(false);
  });
});
