/**
 * The sandbox's Alipay app id: public on purpose, as the sandbox's QFPay credentials are. An Alipay app id
 * is sixteen digits; this one is no real app's, and the shop refuses it outside sandbox mode.
 */
export const SANDBOX_ALIPAY_APP_ID = "9021000000000001";

/** The scopes Alipay's web authorisation knows: the user id alone, or the member's details too. */
export const AUTH_SCOPES = ["auth_base", "auth_user"] as const;
