import { isIdentifier, readPositiveInt } from "./field-formats";
import { unknownField, missingField } from "./field-presence";
import { fromGatewayTime } from "./gateway-clock";
import type { FormFields } from "./request-signature";
import { badParameter, type Refusal } from "./response-codes";

/** qfpay-api.md, "POST /trade/v1/refund": these and no others (no txzone: the refund takes none). */
const REQUIRED = ["syssn", "out_trade_no", "txamt", "txdtm"] as const;
const KNOWN: ReadonlySet<string> = new Set([...REQUIRED, "mchid", "udid"]);

/**
 * The sandbox's reading of `/trade/v1/refund`'s parameters: the first rule the fields break, as a 1104,
 * or null. Whether the refund itself can be made (paid, enough left, the clock) is the endpoint's work.
 */
export function refundFieldsProblem(fields: FormFields): Refusal | null {
  const absent = missingField(fields, REQUIRED) ?? unknownField(fields, KNOWN);
  if (absent) return absent;
  if (fields.mchid !== undefined) return badParameter("mchid was not issued to this app_code");
  // syssn is String(40) in every answer that carries it (seed 001).
  if (!isIdentifier(fields.syssn!, 40)) return badParameter("syssn must be the payment's QFPay number");
  // A new out_trade_no, under the payment's own rule: String(128), unique across payments and refunds.
  if (!isIdentifier(fields.out_trade_no!, 128))
    return badParameter("out_trade_no must be at most 128 visible ASCII characters");
  if (readPositiveInt(fields.txamt!) === null)
    return badParameter("txamt must be a whole number of cents from 1 to 2147483647");
  if (fromGatewayTime(fields.txdtm!) === null)
    return badParameter("txdtm must be a real time written YYYY-MM-DD hh:mm:ss");
  if (fields.udid !== undefined && !isIdentifier(fields.udid, 40))
    return badParameter("udid must be at most 40 visible ASCII characters");
  return null;
}
