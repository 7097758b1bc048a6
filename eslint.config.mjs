import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: { "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] },
  },
  // The seams that hold today (issue 13 widens them): QFPay's library knows nothing of the shop, and the
  // payment use cases know nothing of Next or of the sandbox, whose choice is the composition root's.
  {
    files: ["lib/qfpay/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^(next($|/)|@/|\\.\\./(payments|db|sandbox|admin|cart|catalog)(/|$))", message: "lib/qfpay depends on nothing of the app." }] }],
    },
  },
  {
    files: ["lib/payments/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^(next($|/)|(@/lib|\\.\\.)/sandbox(/|$))", message: "Payment use cases import neither Next nor the sandbox: lib/gateways/ wires them." }] }],
    },
  },
  {
    ignores: ['.next/**', '.vercel/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'lib/db/migrations/**'],
  },
];

export default config;
