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
 * status polls, the notification) land on different instances. It sets the forwarding headers
 * Vercel's edge sets, overwriting what the client sent.
 */
export async function startRoundRobinProxy(options: {
  port: number;
  upstreams: number[];
  cert: string;
  key: string;
}): Promise<RoundRobinProxy> {
  const counts = options.upstreams.map(() => 0);
  let next = 0;
  const server = https.createServer({ cert: options.cert, key: options.key }, (request, response) => {
    const index = next++ % options.upstreams.length;
    counts[index]!++;
    // Vercel's edge writes the client's address where a client cannot: every test client comes from
    // loopback, so the address a test names in x-forwarded-for stands for the one the edge would see.
    const client =
      String(request.headers["x-forwarded-for"] ?? "")
        .split(",")
        .at(-1)
        ?.trim() ||
      request.socket.remoteAddress ||
      "127.0.0.1";
    const headers: http.OutgoingHttpHeaders = {
      ...request.headers,
      "x-forwarded-proto": "https",
      "x-forwarded-host": request.headers.host ?? "",
      "x-forwarded-for": client,
      "x-vercel-forwarded-for": client,
      "x-real-ip": client,
    };
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
