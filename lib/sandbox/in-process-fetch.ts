import type { SandboxGateway } from "./gateway";
import { SANDBOX_API_PREFIX } from "./sandbox-routes";

function abortedBy(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () =>
      reject(
        signal.reason instanceof Error ? signal.reason : new DOMException("The operation was aborted.", "AbortError"),
      );
    if (signal.aborted) fail();
    else signal.addEventListener("abort", fail, { once: true });
  });
}

/**
 * A fetch for the shop's QFPay client in sandbox mode: requests to this server's own sandbox API go
 * straight to the gateway object, as the same signed Request and the same Response, without a loopback
 * HTTP round trip through the server (which costs as much as the payment work itself, and which a
 * host's deployment protection may refuse). The client's deadline still holds: an answer the sandbox
 * delays past it is abandoned as a real one would be. Any other URL goes to the network.
 */
export function inProcessSandboxFetch(gateway: SandboxGateway, siteUrl: string): typeof fetch {
  const prefix = `${siteUrl.replace(/\/+$/, "")}${SANDBOX_API_PREFIX}`;
  return async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(prefix)) return fetch(request);
    const answer = gateway.handleApi(request.url.slice(prefix.length), request);
    return Promise.race([answer, abortedBy(request.signal)]);
  };
}
