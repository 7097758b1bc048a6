import type { Device, Wallet } from "@/lib/qfpay/pay-types";

export interface RetryChoice {
  wallet: Wallet;
  device: Device;
  label: string;
  primary?: boolean;
}

/**
 * "Try again with" the wallet just used, then "Pay with" each other wallet the shop offers; `labelOf` words
 * them in the page's language.
 */
export function walletChoices(
  wallets: Wallet[],
  current: Wallet,
  device: Device,
  labelOf: (wallet: Wallet, first: boolean) => string,
): RetryChoice[] {
  const ordered = [current, ...wallets.filter((wallet) => wallet !== current)].filter((wallet) =>
    wallets.includes(wallet),
  );
  return ordered.map((wallet, index) => ({
    wallet,
    device,
    label: labelOf(wallet, index === 0),
    primary: index === 0,
  }));
}
