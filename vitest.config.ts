import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests live beside the code in lib/; integration tests (real databases, simulator, moto)
// live in tests/. Both run in Node; the browser is Playwright's job (e2e/).
export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts") },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
  },
});
