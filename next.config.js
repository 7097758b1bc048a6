// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite'],
  // Migrations are read from disk at start-up; make sure serverless bundles carry them.
  outputFileTracingIncludes: { '/**': ['./lib/db/migrations/**/*'] },
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
