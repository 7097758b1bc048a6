import { getConfig } from "@/lib/env";

/**
 * Shown on every page while the shop runs against its built-in sandbox gateway. An aside, so that like
 * everything else on the page it sits in a landmark.
 */
export function SandboxBanner() {
  if (getConfig().qfpay.environment !== "sandbox") return null;
  return (
    <aside className="sandbox-banner" aria-label="Sandbox">
      <p role="note" aria-label="Sandbox mode">
        <strong>Sandbox mode</strong>: payments go to the built-in QFPay sandbox and no real money moves.
      </p>
    </aside>
  );
}
