import { toCbtisAmount } from "../../cbtis/amount";
import type { CbtisClient } from "../../cbtis/client";
import { MAX_DESCRIPTION } from "../../cbtis/intent-request";
import type { WebhookVerifier } from "../../cbtis/webhook";
import { GENERIC_DESCRIPTION, type PaymentGateway } from "../../payments/gateway";
import { CBTIS_LOOK_UP_BATCH, lookUpCbtisPayments } from "./cbtis-lookups";
import { cbtisMethodFor, readCbtisMethod } from "./cbtis-methods";
import { readCbtisWebhook } from "./cbtis-notification-reading";
import { CBTIS_CODES, cbtisShopperReason } from "./cbtis-shopper-reason";
import { PROVIDER_NAMES } from "../../provider-name";
import { cbtisWalletRefusal } from "./cbtis-wallet-refusal";

export interface CbtisGatewayOptions {
  /** Where CBTIS sends webhooks: the shop's route for them. */
  siteUrl: string;
  verifyWebhook: WebhookVerifier;
}

/**
 * Seed 003 documents no refund endpoint: refunds of CBTIS payments are made in CBTIS's merchant portal.
 * The admin says so before anyone tries, and a refund asked of the shop is refused with these words.
 */
export const CBTIS_REFUNDS_IN_PORTAL =
  "CBTIS payments are refunded in CBTIS's merchant portal: CBTIS's API (seed 003) has no refund request, so the shop cannot send one.";

/** The use cases' gateway, spoken in CBTIS's terms: payment intents, their statuses, webhooks as hints. */
export function cbtisGateway(client: CbtisClient, options: CbtisGatewayOptions): PaymentGateway {
  return {
    methodFor: cbtisMethodFor,
    walletRefusal: cbtisWalletRefusal,
    shopperReason: cbtisShopperReason,
    // CBTIS's query searches by merchant_order_id alone: the time is the shop's record, in ISO form.
    requestTime: (at) => at.toISOString(),
    lookUpBatchSize: CBTIS_LOOK_UP_BATCH,

    async startPayment(payment) {
      const amount = toCbtisAmount(payment.amount, payment.currency);
      const method = readCbtisMethod(payment.method);
      if (amount === null || method === null)
        return {
          kind: "invalid",
          reason: amount === null ? `CBTIS takes HKD only, not ${payment.currency}.` : "Not a CBTIS payment method.",
          detail: { currency: payment.currency, method: payment.method },
        };
      const description = payment.description.trim();
      const outcome = await client.createIntent({
        amount,
        currency: payment.currency,
        merchant_order_id: payment.outTradeNo,
        description: description && description.length <= MAX_DESCRIPTION ? description : GENERIC_DESCRIPTION,
        notify_url: `${options.siteUrl}/api/cbtis/notify`,
        payment_method: { type: "alipayhk", alipayhk: { flow: method.flow, payment_method: method.wallet } },
      });
      switch (outcome.kind) {
        case "accepted":
          return { kind: "started", syssn: outcome.value.order_id, payUrl: outcome.value.next_action.url };
        case "transport":
          return {
            kind: "unknown",
            detail: { reason: outcome.reason, status: outcome.status, message: outcome.message },
          };
        case "failed":
          return {
            kind: "refused",
            code: outcome.code,
            reason: outcome.message || `CBTIS refused the payment (code ${outcome.code}).`,
            detail: { code: outcome.code, gatewayMessage: outcome.message },
          };
        case "unauthenticated":
          return {
            kind: "refused",
            code: CBTIS_CODES.unauthenticated,
            reason: "CBTIS did not accept the shop's credentials.",
            detail: { message: outcome.message },
          };
        case "invalid":
          return { kind: "invalid", reason: outcome.message, detail: { problems: outcome.problems } };
      }
    },

    lookUpPayments: (payments) => lookUpCbtisPayments(client, payments),

    name: PROVIDER_NAMES.cbtis,
    returnsShopper: false,

    refundsOutsideShop: CBTIS_REFUNDS_IN_PORTAL,
    refundPause: () => ({ code: "refundsInPortal", provider: PROVIDER_NAMES.cbtis }),
    partialRefusal: () => null,
    refund: async () => ({ kind: "refused", code: CBTIS_CODES.portalRefunds, reason: CBTIS_REFUNDS_IN_PORTAL }),
    // The shop never sends a CBTIS refund, so it has none of its own to look up.
    lookUpRefund: async () => ({ kind: "absent" }),

    readNotification: (raw, signature) => readCbtisWebhook(raw, signature, options.verifyWebhook),
  };
}
