/** Liveness without the database, and the benchmarks' floor: the cheapest answer this server can give. */
export function GET() {
  return new Response("pong", {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
