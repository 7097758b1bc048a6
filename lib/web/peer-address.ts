import http from "node:http";

/**
 * The header in which the server records the address of the connection a request came on. Next does
 * not expose the socket to route handlers or actions, and fills `x-forwarded-for` with it only when the
 * client sent none, so a client choosing its own x-forwarded-for would choose its own rate-limit key.
 */
export const PEER_ADDRESS_HEADER = "x-shop-peer-address";

const STAMPED = Symbol.for("shop.peer-address-stamped");

/**
 * Writes every incoming request's connection address into PEER_ADDRESS_HEADER, replacing whatever a
 * client put there, before Next sees the request. For a long-lived `next start`; Vercel's edge sets
 * its own headers (lib/client-address.ts).
 */
export function stampPeerAddresses(): void {
  const prototype = http.Server.prototype as http.Server & { [STAMPED]?: true };
  if (prototype[STAMPED]) return;
  prototype[STAMPED] = true;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown";
    }
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
}
