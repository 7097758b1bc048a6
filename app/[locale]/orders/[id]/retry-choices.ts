import { WALLET_NAMES, type Device, type Wallet } from "@/lib/qfpay/pay-types";

export interface RetryChoice {
  wallet: Wallet;
  device: Device;
  label: string;
  primary?: boolean;
}

/** "Try again with" the wallet just used, then "Pay with" each other wallet the shop offers. */
export function walletChoices(wallets: Wallet[], current: Wallet, device: Device): RetryChoice[] {
  const ordered = [current, ...wallets.filter((wallet) => wallet !== current)].filter((wallet) =>
    wallets.includes(wallet),
  );
  return ordered.map((wallet, index) => ({
    wallet,
    device,
    label: index === 0 ? `Try again with ${WALLET_NAMES[wallet]}` : `Pay with ${WALLET_NAMES[wallet]}`,
    primary: index === 0,
  }));
}
