import "server-only";
import type { z } from "zod";
import type { AccessTokens } from "./access-token";
import {
  checkCreateRequest,
  checkQueryRequest,
  type CreateIntentRequest,
  type QueryIntentRequest,
  type RequestProblem,
} from "./intent-request";
import { postWithDeadline } from "../wire/post-with-deadline";
import { envelopeSchema, intentCreatedSchema, intentSchema, type Intent, type IntentCreated } from "./responses";

export const CREATE_PATH = "/mch-api/v1/pa/payment_intents/create";
export const QUERY_PATH = "/mch-api/v1/pa/payment_intents/query";

/**
 * What a call came to. `accepted` (code 0) and `failed` (any other code CBTIS answered) are answers;
 * `transport` means CBTIS may or may not have acted (a timeout, a 5xx, an unreadable answer), so the
 * caller queries and never sends the request again; `invalid` and `unauthenticated` mean nothing was sent
 * (the request broke the seed's rules; no access token could be had).
 */
export type CbtisOutcome<T> =
  | { kind: "accepted"; value: T }
  | { kind: "failed"; code: string; message: string }
  | { kind: "transport"; reason: "timeout" | "network" | "http" | "unreadable"; status?: number; message: string }
  | { kind: "invalid"; problems: RequestProblem[]; message: string }
  | { kind: "unauthenticated"; message: string };

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface CbtisClientConfig {
  baseUrl: string;
  tokens: AccessTokens;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface CbtisClient {
  createIntent(request: CreateIntentRequest): Promise<CbtisOutcome<IntentCreated>>;
  queryIntent(request: QueryIntentRequest): Promise<CbtisOutcome<Intent>>;
}

export function createCbtisClient(config: CbtisClientConfig): CbtisClient {
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = config.fetch ?? fetch;
  const baseUrl = config.baseUrl.replace(/\/+$/, "");

  async function post<T>(path: string, body: object, accepted: z.ZodType<T>): Promise<CbtisOutcome<T>> {
    const token = await config.tokens.get();
    if (token === null) return { kind: "unauthenticated", message: `No CBTIS access token: ${path} was not sent` };
    const exchange = await postWithDeadline(
      doFetch,
      baseUrl + path,
      {
        headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      },
      timeoutMs,
    );
    if (exchange.kind === "timeout")
      return { kind: "transport", reason: "timeout", message: `CBTIS did not answer ${path} within ${timeoutMs} ms` };
    if (exchange.kind === "network")
      return { kind: "transport", reason: "network", message: `The connection to CBTIS failed during ${path}` };
    const { status, text } = exchange;

    // A refused token did nothing: the next call logs in again.
    if (status === 401) {
      config.tokens.invalidate(token);
      return { kind: "unauthenticated", message: `CBTIS refused the access token for ${path}` };
    }
    // A 5xx (or a 408/429) may come after the work was done; a 4xx with CBTIS's envelope is a refusal.
    if (status >= 500 || status === 408 || status === 429 || status < 200 || (status > 299 && status < 400))
      return { kind: "transport", reason: "http", status, message: `CBTIS answered ${path} with HTTP ${status}` };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { kind: "transport", reason: "unreadable", status, message: `CBTIS's answer to ${path} is not JSON` };
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success)
      return { kind: "transport", reason: "unreadable", status, message: `CBTIS's answer to ${path} has no code` };
    const { code, message } = envelope.data;
    if (code !== "0" || status > 299)
      return { kind: "failed", code, message: message?.slice(0, 200) || `CBTIS answered code ${code}` };
    const parsed = accepted.safeParse((json as { data?: unknown }).data);
    if (!parsed.success)
      return {
        kind: "transport",
        reason: "unreadable",
        status,
        message: `CBTIS accepted ${path} but its answer lacks required fields`,
      };
    return { kind: "accepted", value: parsed.data };
  }

  return {
    async createIntent(request) {
      const problems = checkCreateRequest(request);
      if (problems.length > 0) return { kind: "invalid", problems, message: problems.map((p) => p.message).join("; ") };
      return post(CREATE_PATH, request, intentCreatedSchema);
    },
    async queryIntent(request) {
      const problems = checkQueryRequest(request);
      if (problems.length > 0) return { kind: "invalid", problems, message: problems.map((p) => p.message).join("; ") };
      return post(QUERY_PATH, request, intentSchema);
    },
  };
}
