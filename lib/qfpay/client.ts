import "server-only";
import type { z } from "zod";
import {
  checkPaymentRequest,
  checkRefundRequest,
  type PaymentRequest,
  type RefundRequest,
  type RequestProblem,
} from "./payment-request";
import { checkQueryRequest, type QueryRequest } from "./query-request";
import { postWithDeadline } from "../wire/post-with-deadline";
import {
  envelopeSchema,
  paymentAcceptedSchema,
  queryAcceptedSchema,
  refundAcceptedSchema,
  type PaymentAccepted,
  type QueryAccepted,
  type RefundAccepted,
} from "./responses";
import { compactParams, signParams, type QfpayParams, type SignType } from "./sign";
import { describeStatus, REQUEST_PENDING_CODES } from "./status-codes";

export interface QfpayClientConfig {
  baseUrl: string;
  appCode: string;
  clientKey: string;
  signType?: SignType;
  /** Sent only when QFPay issued one. */
  mchid?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * What a call came to. Every caller must tell these apart: only `accepted` and `failed` are answers;
 * `pending` and `transport` mean the gateway may or may not have acted, so the caller queries and never
 * sends the same request again; `invalid` means nothing was sent.
 */
export type QfpayOutcome<T> =
  | { kind: "accepted"; value: T }
  | { kind: "pending"; code: string; message: string }
  | { kind: "failed"; code: string; message: string; gatewayMessage?: string }
  | { kind: "transport"; reason: "timeout" | "network" | "http" | "unreadable"; status?: number; message: string }
  | { kind: "invalid"; problems: RequestProblem[]; message: string };

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface QfpayClient {
  createPayment(request: PaymentRequest): Promise<QfpayOutcome<PaymentAccepted>>;
  query(request: QueryRequest): Promise<QfpayOutcome<QueryAccepted>>;
  refund(request: RefundRequest): Promise<QfpayOutcome<RefundAccepted>>;
}

function invalid(problems: RequestProblem[]): QfpayOutcome<never> {
  return { kind: "invalid", problems, message: problems.map((p) => p.message).join("; ") };
}

export function createQfpayClient(config: QfpayClientConfig): QfpayClient {
  const signType = config.signType ?? "MD5";
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = config.fetch ?? fetch;
  const baseUrl = config.baseUrl.replace(/\/+$/, "");

  async function post<T>(
    path: string,
    fields: Record<string, string | number | undefined>,
    accepted: z.ZodType<T>,
  ): Promise<QfpayOutcome<T>> {
    const params: QfpayParams = compactParams({ ...fields, mchid: config.mchid });
    const headers: Record<string, string> = {
      "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
      Accept: "application/json",
      "X-QF-APPCODE": config.appCode,
      "X-QF-SIGN": signParams(params, config.clientKey, signType),
    };
    if (signType === "SHA256") headers["X-QF-SIGNTYPE"] = "SHA256";

    const exchange = await postWithDeadline(
      doFetch,
      baseUrl + path,
      { headers, body: new URLSearchParams(params).toString() },
      timeoutMs,
    );
    if (exchange.kind === "timeout")
      return { kind: "transport", reason: "timeout", message: `QFPay did not answer ${path} within ${timeoutMs} ms` };
    if (exchange.kind === "network")
      return { kind: "transport", reason: "network", message: `The connection to QFPay failed during ${path}` };
    const { status, text } = exchange;

    if (status < 200 || status > 299) {
      return { kind: "transport", reason: "http", status, message: `QFPay answered ${path} with HTTP ${status}` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { kind: "transport", reason: "unreadable", status, message: `QFPay's answer to ${path} is not JSON` };
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) {
      return {
        kind: "transport",
        reason: "unreadable",
        status,
        message: `QFPay's answer to ${path} has no status code`,
      };
    }
    const { respcd, resperr, respmsg } = envelope.data;
    if (respcd === "0000") {
      const parsed = accepted.safeParse(json);
      if (!parsed.success) {
        return {
          kind: "transport",
          reason: "unreadable",
          status,
          message: `QFPay accepted ${path} but its answer lacks required fields`,
        };
      }
      return { kind: "accepted", value: parsed.data };
    }
    if (REQUEST_PENDING_CODES.has(respcd)) {
      return { kind: "pending", code: respcd, message: describeStatus(respcd) };
    }
    return {
      kind: "failed",
      code: respcd,
      message: describeStatus(respcd),
      gatewayMessage: resperr || respmsg || undefined,
    };
  }

  return {
    async createPayment(request) {
      const problems = checkPaymentRequest(request);
      if (problems.length > 0) return invalid(problems);
      const outcome = await post("/trade/v1/payment", { ...request }, paymentAcceptedSchema);
      // Without somewhere to send the shopper an accepted payment is of no use, and its state is unknown to us.
      if (outcome.kind === "accepted" && !outcome.value.pay_url && !outcome.value.pay_params?.tradeNO) {
        return { kind: "transport", reason: "unreadable", message: "QFPay accepted the payment but sent no pay_url" };
      }
      return outcome;
    },
    async query(request) {
      const problems = checkQueryRequest(request);
      if (problems.length > 0) return invalid(problems);
      return post("/trade/v1/query", { ...request }, queryAcceptedSchema);
    },
    async refund(request) {
      const problems = checkRefundRequest(request);
      if (problems.length > 0) return invalid(problems);
      return post("/trade/v1/refund", { ...request }, refundAcceptedSchema);
    },
  };
}
