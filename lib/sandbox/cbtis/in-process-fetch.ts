import type { CbtisSandbox } from "./gateway";
import { CBTIS_SANDBOX_PREFIX } from "./routes";

/**
 * A fetch for the shop's CBTIS client in sandbox mode: requests to this server's own stand-in go straight
 * to it, as the same Request and Response, without a loopback round trip; the client's deadline still
 * holds. Any other URL goes to the network.
 */
export function inProcessCbtisFetch(sandbox: CbtisSandbox, siteUrl: string): typeof fetch {
  const prefix = `${siteUrl.replace(/\/+$/, "")}${CBTIS_SANDBOX_PREFIX}/`;
  return async (input, init) => {
    const request = new Request(input, init);
    const answer = request.url.startsWith(prefix) ? sandbox.route(request) : null;
    if (!answer) return fetch(request);
    return Promise.race([
      answer,
      new Promise<never>((_, reject) => {
        const fail = () => reject(new DOMException("The operation was aborted.", "AbortError"));
        if (request.signal.aborted) fail();
        else request.signal.addEventListener("abort", fail, { once: true });
      }),
    ]);
  };
}
