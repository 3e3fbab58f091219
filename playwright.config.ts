import { defineConfig } from "@playwright/test";
import { e2eEnv, E2E_PORT } from "./e2e/env.ts";

/**
 * End-to-end tests drive the built app in Debian's Chromium (Playwright cannot
 * download its own browsers on these machines). `npm run test:e2e` makes sure
 * Chromium is there before this config is read.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    // The same command a user runs: migrate, build when stale, start.
    command: "node scripts/start.ts",
    url: `http://127.0.0.1:${E2E_PORT}/api/ready`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: e2eEnv(),
  },
});
