/**
 * Reads a request body up to `limit` bytes; beyond that it keeps nothing more and says so. It stops
 * reading there, or with `drain` reads the rest and drops it: a clone in Next's proxy must be read to the
 * end, or the request it was cloned from never finishes and no answer goes out.
 */
export async function readLimitedBody(
  request: Request,
  limit: number,
  options: { drain?: boolean } = {},
): Promise<{ bytes: Uint8Array<ArrayBuffer>; oversized: boolean }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return { bytes: new Uint8Array(0), oversized: true };
  if (!request.body) return { bytes: new Uint8Array(0), oversized: false };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      if (options.drain) while (!(await reader.read()).done);
      else await reader.cancel().catch(() => undefined);
      return { bytes: new Uint8Array(0), oversized: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, oversized: false };
}
