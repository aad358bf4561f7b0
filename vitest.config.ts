import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Next.js forbids server-only modules in client bundles; under vitest there is no client bundle.
  "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
};

// Unit tests live beside the code in lib/ (pure, no database). Integration tests (real
// databases, the simulator, moto) live in tests/, each file with its own scratch database.
export default defineConfig({
  resolve: { alias },
  test: {
    environment: "node",
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["lib/**/*.test.ts"] } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          setupFiles: ["tests/support/setup-database.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
