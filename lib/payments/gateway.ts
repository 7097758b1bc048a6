import type { Device, Wallet } from "../qfpay/pay-types";
import type { ShopperProblem } from "../shopper-problem";
import type { RefundProblem } from "./refund-problem";
import type { ShopperReason } from "./shopper-reason";

/**
 * The payment gateway as the use cases see it: what they ask of a provider and what they are told, in the
 * shop's words. A provider (lib/gateways/qfpay today, CBTIS next) translates to and from its wire format,
 * its codes and its rules of time; none of those reach the use cases. "unknown" always means the gateway
 * may or may not have acted: the use case settles it by looking it up, never by asking again.
 */
export interface PaymentGateway {
  /** The provider's name as shoppers read it on receipts ("QFPay number"). */
  readonly name: string;
  /**
   * The gateway's payment method for a wallet on a device (stored on the attempt, sent with it); with
   * `payer`, the shopper's id in the wallet's own app, for a payment made inside that app's browser.
   */
  methodFor(wallet: Wallet, device: Device, payer?: string): string;
  /** Why a total cannot be paid with a wallet on a device (the page words it); null when it can. */
  walletRefusal(wallet: Wallet, device: Device, total: number, currency: string): ShopperProblem | null;
  /** Why a payment did not go through (the page words it), from the code and reason stored with it. */
  shopperReason(code: string | null, fallback: string | null): ShopperReason;
  /** A request's own time in the gateway's terms; stored with the attempt or refund and searched by. */
  requestTime(at: Date): string;
  /** Starts one payment. Never called twice for one attempt. */
  startPayment(payment: PaymentToStart): Promise<StartOutcome>;
  /** How many payments one look-up should carry at most, so that a batch of confirmations fits in one. */
  readonly lookUpBatchSize: number;
  /** What the gateway holds for these payments, by number; a number missing from the map could not be told. */
  lookUpPayments(payments: readonly Requested[]): Promise<Map<string, GatewayTruth>>;
  /**
   * When the gateway takes no refunds from the shop at all (CBTIS documents no refund request): where the
   * merchant makes them, in the merchant's words, shown before anyone tries. Null when the shop refunds.
   */
  readonly refundsOutsideShop: string | null;
  /**
   * Whether the wallet's page sends the shopper back to the shop's return URL. When it does not (CBTIS
   * documents no return URL), a phone opens the wallet's page beside the order page instead of leaving it.
   */
  readonly returnsShopper: boolean;
  /** Why the gateway takes no refunds at this moment (the admin's page words it), or null. */
  refundPause(at: Date): RefundProblem | null;
  /** When an earlier refusal of a refund of this payment also refuses every partial one: why. */
  partialRefusal(failureCode: string): RefundProblem | null;
  refund(refund: RefundToSend): Promise<RefundOutcome>;
  lookUpRefund(refund: Requested): Promise<RefundTruth>;
  /** Verifies and reads a notification's raw bytes. Never throws. */
  readNotification(raw: Uint8Array, signature: string | null): NotificationReading;
}

/** A payment or refund as the shop sent it: its number and the request time it carried. */
export interface Requested {
  outTradeNo: string;
  requestTime: string;
}

/** What the wallet shows for an order of several products, or of one whose name the gateway cannot carry. */
export const GENERIC_DESCRIPTION = "Online order";

export interface PaymentToStart extends Requested {
  /** Minor units. */
  amount: number;
  currency: string;
  method: string;
  /** What the shopper sees in the wallet; the gateway fits it to its own limits. */
  description: string;
  expiresInMinutes: number;
  /** Where the wallet sends the shopper back. */
  returnUrl: string;
  /** The shopper's id in the wallet's app (Alipay's user id), for a method that pays inside it. Never logged. */
  payer?: string;
}

export type StartOutcome =
  /** `tradeNo`: what the wallet's in-app cashier pays, when the method pays inside the wallet's app. */
  | { kind: "started"; syssn: string; payUrl: string | null; tradeNo?: string | null }
  | { kind: "unknown"; detail: Record<string, unknown> }
  | { kind: "refused"; code: string; reason: string; detail: Record<string, unknown> }
  /** The request broke the gateway's rules: nothing was sent. */
  | { kind: "invalid"; reason: string; detail: Record<string, unknown> };

/**
 * What the gateway says about one payment, from a notification or a look-up, reduced to what the state
 * machine needs. `syssn` is the gateway's own number for the transaction.
 */
export type GatewayTruth =
  | { kind: "paid"; syssn: string; amount: number; currency: string }
  | { kind: "pending"; syssn: string; code: string }
  | { kind: "closed"; syssn: string; code: string; reason: string }
  | { kind: "failed"; syssn: string; code: string; reason: string }
  | { kind: "absent" };

export interface RefundToSend extends Requested {
  /** The gateway's number of the payment refunded. */
  paymentSyssn: string;
  amount: number;
}

export type RefundOutcome =
  | { kind: "accepted"; syssn: string }
  | { kind: "unknown"; message: string }
  | { kind: "refused"; code: string; reason: string };

export type RefundTruth =
  | { kind: "unknown" }
  | { kind: "absent" }
  | {
      kind: "found";
      state: "succeeded" | "pending" | "failed";
      syssn: string;
      /** What the gateway holds, when it says. */
      amount?: number;
      /** The gateway's number of the payment it refunds, when it says. */
      paymentSyssn?: string;
      code: string;
      reason: string;
    };

/** Who the notification is about, as recorded with it. */
export interface NotificationFields {
  notifyType: string;
  outTradeNo: string;
  syssn: string;
}

export type NotificationReading =
  | { kind: "forged" }
  | { kind: "malformed"; error: string }
  /**
   * From a sender the shop cannot verify, naming nothing it acts on (unreadable, or of a type it ignores):
   * anyone could have sent it, so it is counted, never stored one by one.
   */
  | { kind: "unproven"; detail: string }
  /** Genuine, but about nothing the shop acts on. */
  | { kind: "ignored"; fields: NotificationFields; detail: string }
  | { kind: "payment"; fields: NotificationFields; claim: { syssn: string; amount: number; currency: string } }
  /**
   * A payment the sender says happened, claiming nothing to check (no amount, and no signature the shop can
   * verify): only the gateway's look-up decides, and an answer that differs is no contradiction of a claim.
   * Anyone could have sent it, so it is looked into within a limit per sender and the look-ups' spacing.
   */
  | { kind: "hint"; fields: NotificationFields }
  | {
      kind: "refund";
      fields: NotificationFields;
      amount: number;
      /** The payment refunded, by the gateway's number or the shop's. */
      origin: string | undefined;
    };
