import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { serverProblem } from "@/lib/web/server-problem";
import { SandboxBanner } from "./_components/sandbox-banner";
import { ServerProblemNotice } from "./_components/server-problem-notice";
import { SiteHeader } from "./_components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Harbour Tea & Goods", template: "%s · Harbour Tea & Goods" },
  description: "Teas, teaware and small goods from Hong Kong. Pay with AlipayHK or Alipay.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b6e4f" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page depends on the running configuration (sandbox or live), never on the build's.
  await connection();
  const problem = await serverProblem();
  if (problem) {
    return (
      <html lang="en">
        <body>
          <ServerProblemNotice problem={problem} />
        </body>
      </html>
    );
  }
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SandboxBanner />
        <SiteHeader />
        {children}
        <footer className="site-footer">
          <p>Payments by QFPay: AlipayHK and Alipay. Prices include all charges.</p>
        </footer>
      </body>
    </html>
  );
}
