import type { ReactNode } from "react";
import "./globals.css";
import "./i18n.css";

/**
 * The document itself (<html lang>, the header) is drawn by the layout of each locale, app/[locale]/layout.tsx,
 * and by the sandbox's own layout, as next-intl's App Router example does: only they know the language.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
