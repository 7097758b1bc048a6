import { getConfig } from "@/lib/env";

/** Shown on every page while the shop runs against its built-in sandbox gateway. */
export function SandboxBanner() {
  if (getConfig().qfpay.environment !== "sandbox") return null;
  return (
    <div className="sandbox-banner" role="note" aria-label="Sandbox mode">
      <strong>Sandbox mode</strong>: payments go to the built-in QFPay sandbox and no real money moves.
    </div>
  );
}
