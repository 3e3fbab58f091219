import { defineConfig } from "vitest/config";

// Unit and integration tests only; e2e/*.spec.ts belong to Playwright (npm run test:e2e).
export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", "data/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
