import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** One seam: files that may not import what `regex` matches. */
const seam = (files, regex, message) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns: [{ regex, message }] }] },
});

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: { "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] },
  },
  // The seams (docs/architecture.md): QFPay's library knows nothing of the shop; the payment use cases
  // know nothing of Next, the edge, the sandbox, the gateway choice or any provider's wire, and reach the
  // database only through their store; the sandbox has its own reading of QFPay; pages reach data through lib/, never its schema.
  seam(
    ["lib/qfpay/**"],
    "^(next($|/)|@/|(\\.\\./)+(payments|db|sandbox|admin|cart|catalog|web|gateways)(/|$))",
    "lib/qfpay depends on nothing of the app.",
  ),
  seam(
    ["lib/cbtis/**"],
    "^(next($|/)|@/|(\\.\\./)+(payments|db|sandbox|admin|cart|catalog|web|gateways|qfpay)(/|$))",
    "lib/cbtis depends on nothing of the app.",
  ),
  seam(
    ["lib/alipay/**"],
    "^(next($|/)|@/|(\\.\\./)+(payments|db|sandbox|admin|cart|catalog|web|gateways|qfpay|cbtis)(/|$))",
    "lib/alipay (Alipay's authorisation and open API, through alipay-sdk) depends on nothing of the app.",
  ),
  seam(
    ["lib/wire/**"],
    "^(next($|/)|@/|\\.\\./)",
    "lib/wire is the providers' shared transport: it depends on nothing else.",
  ),
  {
    ...seam(
      ["lib/payments/**"],
      "^(next($|/)|drizzle-orm|(@/lib/|(\\.\\./)+)((sandbox|web|gateways|db/schema|cbtis)(/|$)|qfpay/(?!(pay-types|currencies)$)))",
      "Payment use cases import neither Next, the edge (lib/web), the sandbox, the gateway choice (lib/gateways) nor QFPay's wire (lib/qfpay beyond its wallets and currencies: they speak to the gateway through lib/payments/gateway.ts), and reach the database through lib/payments/store only.",
    ),
    ignores: ["lib/payments/store/**", "lib/payments/types.ts"],
  },
  {
    files: ["lib/payments/**"],
    ignores: ["lib/payments/store/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: "A transaction comes from transaction() in lib/payments/store/transaction.ts.",
        },
      ],
    },
  },
  seam(
    ["lib/payments/store/**"],
    "^(next($|/)|(@/lib/|(\\.\\./)+)(sandbox|web|gateways)(/|$))",
    "The store is the payments core's: it knows nothing of Next, the edge, the sandbox or the gateway choice.",
  ),
  seam(
    ["lib/sandbox/**"],
    "^(@/lib/|(\\.\\./)+)(qfpay|cbtis|payments|web|gateways)(/|$)",
    "The sandbox has its own reading of QFPay and of CBTIS: it imports neither their clients nor the payments core.",
  ),
  seam(
    ["app/**"],
    "^(drizzle-orm|@/lib/db/schema(/|$))",
    "Pages and routes reach data through lib/ (the payments store, the admin's modules), never the schema.",
  ),
  {
    ignores: [
      ".next/**",
      ".vercel/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "lib/db/migrations/**",
    ],
  },
];

export default config;
