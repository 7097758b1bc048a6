import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getConfig } from "@/lib/env";
import { SANDBOX_MERCHANT_NAME } from "@/lib/sandbox/credentials";
import { authorizeRequestSchema } from "@/lib/sandbox/alipay/authorize-request";
import { sandboxLocale } from "../../sandbox-locale";

export async function generateMetadata(): Promise<Metadata> {
  await sandboxLocale();
  return { title: (await getTranslations("sandboxAlipay"))("authorizeTitle"), robots: { index: false } };
}

/** A stand-in for Alipay's web authorisation page (publicAppAuthorize.htm): a person or a test allows or denies. */
export default async function SandboxAlipayAuthorizePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await sandboxLocale();
  const config = getConfig();
  if (config.qfpay.environment !== "sandbox") notFound();
  const parsed = authorizeRequestSchema(() => config.siteUrl).safeParse(await searchParams);
  if (!parsed.success) notFound();
  const t = await getTranslations("sandboxAlipay");
  const request = parsed.data;
  return (
    <main className="cashier" id="main">
      <section className="cashier-card" aria-labelledby="authorize-title">
        <p className="cashier-wallet cashier-wallet-cn">{t("alipay")}</p>
        <h1 id="authorize-title">{t("authorizeHeading", { merchant: SANDBOX_MERCHANT_NAME })}</h1>
        <p>{t(request.scope === "auth_base" ? "authorizeBase" : "authorizeUser")}</p>
        {/* A plain form: its answer is a redirect the browser follows as a new page, as it does from Alipay's domain. */}
        <form method="post" action="/sandbox/alipay/authorize/answer" className="cashier-actions">
          <input type="hidden" name="app_id" value={request.app_id} />
          <input type="hidden" name="scope" value={request.scope} />
          <input type="hidden" name="redirect_uri" value={request.redirect_uri} />
          <input type="hidden" name="state" value={request.state} />
          <button type="submit" name="answer" value="allow" className="button button-primary">
            {t("allow")}
          </button>
          <button type="submit" name="answer" value="allow-open-id" className="button">
            {t("allowOpenId")}
          </button>
          <button type="submit" name="answer" value="deny" className="button">
            {t("deny")}
          </button>
        </form>
        <p className="cashier-note">{t("authorizeNote")}</p>
      </section>
    </main>
  );
}
