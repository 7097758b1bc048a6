import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { SandboxBanner } from "./_components/sandbox-banner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Harbour Tea & Goods", template: "%s · Harbour Tea & Goods" },
  description: "Teas, teaware and small goods from Hong Kong. Pay with AlipayHK or Alipay.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b6e4f" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page depends on the running configuration (sandbox or live), never on the build's.
  await connection();
  return (
    <html lang="en">
      <body>
        <SandboxBanner />
        <header className="site-header">
          <Link href="/" className="site-name">Harbour Tea &amp; Goods</Link>
        </header>
        {children}
        <footer className="site-footer">
          <p>Payments by QFPay: AlipayHK and Alipay.</p>
        </footer>
      </body>
    </html>
  );
}
