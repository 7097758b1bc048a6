import type { QfpayClient, QfpayOutcome } from "../qfpay/client";
import type { Logger } from "../log";

/** The code an outcome carries, if any: QFPay's respcd, or the transport failure's reason. */
function codeOf(outcome: QfpayOutcome<unknown>): string | undefined {
  switch (outcome.kind) {
    case "accepted":
      return "0000";
    case "pending":
    case "failed":
      return outcome.code;
    case "transport":
      return outcome.status ? `${outcome.reason} ${outcome.status}` : outcome.reason;
    case "invalid":
      return undefined;
  }
}

/**
 * The client with one log line per call to QFPay: which endpoint, which payment or refund number, what
 * it came to (QFPay's code) and how long it took. Nothing signed or secret: the request's fields are not
 * logged, only its numbers.
 */
export function withGatewayLog(client: QfpayClient, log: Logger): QfpayClient {
  function logged<R extends { out_trade_no?: string }, T>(
    endpoint: string,
    call: (request: R) => Promise<QfpayOutcome<T>>,
  ) {
    return async (request: R): Promise<QfpayOutcome<T>> => {
      const started = performance.now();
      const outcome = await call(request);
      const line = {
        event: "qfpay.call",
        endpoint,
        outTradeNo: request.out_trade_no,
        outcome: outcome.kind,
        code: codeOf(outcome),
        ms: Math.round(performance.now() - started),
      };
      if (outcome.kind === "accepted" || outcome.kind === "failed") log.info(line);
      else log.warn({ ...line, message: outcome.message });
      return outcome;
    };
  }
  return {
    createPayment: logged("payment", (request) => client.createPayment(request)),
    query: logged("query", (request) => client.query(request)),
    refund: logged("refund", (request) => client.refund(request)),
  };
}
