import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";

export interface RoundRobinProxy {
  url: string;
  /** How many requests each upstream answered, in order. */
  counts: number[];
  close(): Promise<void>;
}

/**
 * An https front on 127.0.0.1 that hands each request to the next upstream in turn, as Vercel's edge
 * spreads requests over a function's instances: consecutive requests of one shopper (a checkout, its
 * status polls, the notification) land on different instances. It adds the forwarding headers
 * Vercel's edge sets.
 */
export async function startRoundRobinProxy(options: { port: number; upstreams: number[]; cert: string; key: string }): Promise<RoundRobinProxy> {
  const counts = options.upstreams.map(() => 0);
  let next = 0;
  const server = https.createServer({ cert: options.cert, key: options.key }, (request, response) => {
    const index = next++ % options.upstreams.length;
    counts[index]!++;
    const headers: http.OutgoingHttpHeaders = { ...request.headers, "x-forwarded-proto": "https", "x-forwarded-host": request.headers.host ?? "" };
    headers["x-forwarded-for"] ??= request.socket.remoteAddress ?? "127.0.0.1";
    const upstream = http.request(
      { host: "127.0.0.1", port: options.upstreams[index], method: request.method, path: request.url, headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
      response.end("upstream unavailable");
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
