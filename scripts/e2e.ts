/**
 * `npm run test:e2e`: make sure a Chromium is available (Debian's package;
 * Playwright's own browser download cannot reach the internet here), then run
 * the Playwright suite against a freshly started app.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function ensureChromium(): void {
  if (existsSync(chromium)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Chromium not found at ${chromium}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.log("Installing Debian's chromium package for the end-to-end tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "chromium"]]) {
    const r = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (r.status !== 0) {
      console.error(`apt-get ${args.join(" ")} failed (exit ${r.status}); cannot run the browser tests.`);
      process.exit(1);
    }
  }
}

ensureChromium();
mkdirSync("data", { recursive: true });
const runId = `${Date.now()}-${process.pid}`;
const r = spawnSync("playwright", ["test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, E2E_RUN_ID: runId, CHROMIUM_PATH: chromium, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(r.status ?? 1);
