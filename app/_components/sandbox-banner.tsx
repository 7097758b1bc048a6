import { providerName } from "@/lib/provider-name";
import { getTranslations } from "next-intl/server";
import { getConfig } from "@/lib/env";

/**
 * Shown on every page while the shop runs against its built-in sandbox gateway. An aside, so that like
 * everything else on the page it sits in a landmark.
 */
export async function SandboxBanner() {
  if (getConfig().qfpay.environment !== "sandbox") return null;
  const t = await getTranslations("sandboxBanner");
  return (
    <aside className="sandbox-banner" aria-label={t("label")}>
      <p role="note" aria-label={t("noteLabel")}>
        {t.rich("text", { strong: (chunks) => <strong>{chunks}</strong>, provider: providerName() })}
      </p>
    </aside>
  );
}
