// @ts-check

// This file stays CommonJS (tests/unit/request-guard.test.ts requires it for its body limit).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createNextIntlPlugin = require("next-intl/plugin");

const onVercel = Boolean(process.env.VERCEL);
// The proxy's guard (lib/web/request-guard.ts) answers 413 itself past this limit, where Next's own refusal
// of a larger body is a 500; tests/unit/request-guard.test.ts holds the two to the same number. Written
// here, not required from a file: a deployment loads this file with nothing of lib/ beside it.
const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Migrations are read from disk (a long-lived server applies them; a Vercel function reads the journal
  // to check the deploy did): make sure traced bundles carry them.
  outputFileTracingIncludes: {
    "/**": ["./lib/db/migrations/**/*"],
    // A product's share image reads its illustration and its fonts' WOFF files from disk (Figtree's, and
    // the Chinese subsets npm run share-fonts makes). Its route ends in the image's id since
    // generateImageMetadata describes it (og:image:alt) in the page's language.
    "/[locale]/products/[slug]/opengraph-image/[__metadata_id__]": [
      "./public/products/*.svg",
      "./node_modules/@fontsource/figtree/files/figtree-latin-{500,700}-normal.woff",
      "./app/_fonts/share-image/*.woff",
    ],
  },
  // On Vercel the database is always PostgreSQL (lib/env.ts refuses to start without one): no function
  // carries the embedded engine's ~15 MB of WebAssembly and data.
  // (instrumentation.ts, which Vercel adds to every function, the proxy's included, opens no database.)
  // Turbopack links externals under .next/node_modules by a hashed name, hence the second pattern.
  ...(onVercel
    ? {
        outputFileTracingExcludes: {
          "**": [
            "node_modules/@electric-sql/pglite/**",
            ".next/node_modules/@electric-sql/pglite*",
            ".next/node_modules/@electric-sql/pglite*/**",
          ],
        },
      }
    : {}),
  poweredByHeader: false,
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES } },
  // Strict-Transport-Security is decided per request by proxy.ts: a build made without an https
  // SITE_URL must still send it when it serves https.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Order links carry a signed token: never send the full URL to another site.
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
      },
    ];
  },
  // English is served at the root: an address with no locale prefix is the /en page (i18n/routing.ts). The
  // proxy leaves this rewrite to the router (lib/web/default-locale-rewrite.ts says why). Not the addresses
  // that stay outside the locales: route handlers, the sandbox, Next's own files.
  async rewrites() {
    return {
      afterFiles: [
        { source: "/", destination: "/en" },
        { source: "/:path((?!(?:en|zh-HK|zh-CN|api|sandbox|_next)(?:/|$)).+)", destination: "/en/:path" },
      ],
    };
  },
  reactStrictMode: true,
};

// next-intl reads each request's messages and formats from i18n/request.ts. Precompiled: the messages are
// parsed at build time, so the browser gets no ICU parser (about a tenth of a page's JavaScript).
module.exports = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
})(nextConfig);
