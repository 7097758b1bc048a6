/**
 * The answer codes the sandbox gives, from QFPay's status table (seed 004). Named here once so that
 * each endpoint says which refusal it means; a test may still script any four-digit code as a fault.
 */
export const RESPONSE = {
  success: "0000",
  maintenance: "1100",
  /** "Duplicate request": an out_trade_no used before by a payment or a refund of this merchant. */
  duplicate: "1102",
  /** "Request format error": a body the gateway cannot read as a form. */
  formatError: "1103",
  /** "Request parameter error": a field missing, unknown, empty or outside its documented rule. */
  parameterError: "1104",
  signatureError: "1108",
  refundedAlready: "1125",
  /** "Transaction failed": the shopper declined in the cashier. */
  failed: "1205",
  systemError: "1252",
  notPaid: "1261",
  closed: "1264",
  /** "Refunds for transactions between 11:30pm to 0:30am ... cannot be processed". */
  refundBlackout: "1265",
  notFound: "1268",
  refundTooLarge: "1272",
} as const;

/** A refusal as QFPay writes it: the code, and a reason in `resperr`. */
export interface Refusal {
  respcd: string;
  resperr: string;
}

/** A gateway answer: every field a string, as QFPay's JSON has them (the query's `data` list aside). */
export type Answer = Record<string, unknown> & { respcd: string };

export function refusal(respcd: string, resperr: string): Refusal {
  return { respcd, resperr };
}

/** The JSON body of a refusal: QFPay always carries `respmsg`, empty when it has nothing to add. */
export function refusalAnswer(refused: Refusal): Answer & { resperr: string; respmsg: string } {
  return { respcd: refused.respcd, resperr: refused.resperr, respmsg: "" };
}

/** A parameter error, the most common refusal. */
export function badParameter(resperr: string): Refusal {
  return refusal(RESPONSE.parameterError, resperr);
}
