import type { CbtisClient, CbtisOutcome } from "../../cbtis/client";
import type { Logger } from "../../log";

/**
 * The client with one log line per call to CBTIS: which endpoint, which merchant_order_id, what it came to
 * and how long it took. No token, key or body is logged.
 */
export function withCbtisLog(client: CbtisClient, log: Logger): CbtisClient {
  function logged<R extends { merchant_order_id?: string }, T>(
    endpoint: string,
    call: (request: R) => Promise<CbtisOutcome<T>>,
  ) {
    return async (request: R): Promise<CbtisOutcome<T>> => {
      const started = performance.now();
      const outcome = await call(request);
      const line = {
        event: "cbtis.call",
        endpoint,
        outTradeNo: request.merchant_order_id,
        outcome: outcome.kind,
        code: outcome.kind === "failed" ? outcome.code : outcome.kind === "transport" ? outcome.reason : undefined,
        ms: Math.round(performance.now() - started),
      };
      if (outcome.kind === "accepted" || outcome.kind === "failed") log.info(line);
      else log.warn({ ...line, message: outcome.message });
      return outcome;
    };
  }
  return {
    createIntent: logged("create", (request) => client.createIntent(request)),
    queryIntent: logged("query", (request) => client.queryIntent(request)),
  };
}
