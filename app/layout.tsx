import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { configurationProblem, getConfig } from "@/lib/env";
import { SHOP } from "@/lib/shop-details";
import { serverProblem } from "@/lib/web/server-problem";
import { figtree } from "./_fonts/figtree";
import { SandboxBanner } from "./_components/sandbox-banner";
import { ServerProblemNotice } from "./_components/server-problem-notice";
import { SiteFooter } from "./_components/site-footer";
import { SiteHeader } from "./_components/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  // Share images and canonical links need absolute URLs: the running shop's own origin, not the build's.
  await connection();
  return {
    metadataBase: configurationProblem() ? undefined : new URL(getConfig().siteUrl),
    title: { default: SHOP.name, template: `%s · ${SHOP.name}` },
    description: "Teas, teaware and small goods from Hong Kong. Pay with AlipayHK or Alipay.",
    openGraph: { siteName: SHOP.name, type: "website", locale: "en_HK" },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b6e4f" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page depends on the running configuration (sandbox or live), never on the build's.
  await connection();
  const problem = await serverProblem();
  if (problem) {
    return (
      <html lang="en" className={figtree.variable}>
        <body>
          <ServerProblemNotice problem={problem} />
        </body>
      </html>
    );
  }
  return (
    <html lang="en" className={figtree.variable}>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SandboxBanner />
        <SiteHeader />
        {children}
        <SiteFooter />
      </body>
    </html>
  );
}
