/**
 * What became of one POST to a gateway: its answer, or no answer (the deadline passed, or the connection
 * failed), in which case the gateway may or may not have acted.
 */
export type Exchange = { kind: "answered"; status: number; text: string } | { kind: "timeout" } | { kind: "network" };

/**
 * One POST under one deadline for the whole exchange (a gateway that sends its headers and then stalls is a
 * timeout too), never following a redirect, never cached. The providers' clients share this; each reads
 * the answer by its own gateway's rules.
 */
export async function postWithDeadline(
  doFetch: typeof fetch,
  url: string,
  request: { headers: Record<string, string>; body: string },
  timeoutMs: number,
): Promise<Exchange> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await doFetch(url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      cache: "no-store",
      redirect: "error",
    });
    return { kind: "answered", status: response.status, text: await response.text() };
  } catch {
    return controller.signal.aborted ? { kind: "timeout" } : { kind: "network" };
  } finally {
    clearTimeout(timer);
  }
}
