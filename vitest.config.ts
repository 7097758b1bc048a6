import { fileURLToPath } from "node:url";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const stub = fileURLToPath(new URL("./tests/support/server-only-stub.ts", import.meta.url));
const DB_TESTS = "tests/unit/**/*.db.test.ts";

// Database tests run once per engine: always on embedded PGlite, and on PostgreSQL when a server is given.
const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], exclude: [DB_TESTS] } },
  { extends: true, test: { name: "db:pglite", include: [DB_TESTS], env: { TEST_DB_ENGINE: "pglite" } } },
];
if (process.env.TEST_POSTGRES_URL) {
  projects.push({
    extends: true,
    test: { name: "db:postgres", include: [DB_TESTS], env: { TEST_DB_ENGINE: "postgres" } },
  });
}

export default defineConfig({
  resolve: {
    alias: {
      "server-only": stub,
      "@/": fileURLToPath(new URL("./", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    testTimeout: 20_000,
    // The process logger stays quiet; the shop harness reads what the payments core logs (shop.logLines).
    env: { LOG_LEVEL: "silent" },
    hookTimeout: 60_000,
    projects,
  },
});
