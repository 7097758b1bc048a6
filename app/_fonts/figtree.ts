import localFont from "next/font/local";

/**
 * Figtree, self-hosted from @fontsource-variable/figtree: one variable file (about 20 kB, Latin only)
 * carries every weight, served from the shop's own origin and preloaded, so nothing is fetched from a
 * font service at build time or in the browser. Chinese falls through to the system's CJK fonts
 * (globals.css), which no web font could match in size.
 */
export const figtree = localFont({
  src: "../../node_modules/@fontsource-variable/figtree/files/figtree-latin-wght-normal.woff2",
  weight: "300 900",
  display: "swap",
  variable: "--font-figtree",
  fallback: ["system-ui", "Arial"],
});
