/**
 * The sandbox gateway's own credentials. They are public on purpose (README, .env.example): the
 * sandbox moves no money, and the shop refuses to start in test or live mode with them.
 */
export const SANDBOX_APP_CODE = "SANDBOXAPPCODE000000000000000001";
export const SANDBOX_CLIENT_KEY = "SANDBOXCLIENTKEY0000000000000001";
export const SANDBOX_MERCHANT_NAME = "QFPay Sandbox Merchant";
