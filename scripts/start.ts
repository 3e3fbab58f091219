/**
 * `npm start`: the README's single "set up and start" command (after
 * `npm install`). Generates the Prisma client if it is missing, applies
 * pending migrations, runs `next build` when there is no build or a source
 * file is newer than it, then serves with `next start` on PORT (default 3000).
 * Data lives in the SQLite file under data/, so a restart keeps everything.
 * Children are spawned with argument arrays and receive our signals.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const buildId = path.join(root, ".next", "BUILD_ID");

/** What goes into the build; problems/ is data read at run time, so it is not here. */
const BUILD_INPUTS = ["app", "components", "lib", "graders", "generated", "public", "instrumentation.ts", "next.config.ts", "tsconfig.json", "package.json", "package-lock.json"];
const SKIP_DIRS = new Set(["node_modules", ".next", "__fixtures__", "data"]);

function newestMtime(p: string): number {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) {
    if (SKIP_DIRS.has(entry)) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

function buildIsStale(): string | null {
  if (!existsSync(buildId)) return "no build yet";
  const built = statSync(buildId).mtimeMs;
  for (const input of BUILD_INPUTS) {
    if (newestMtime(path.join(root, input)) > built) return `${input} changed since the last build`;
  }
  return null;
}

function runOrExit(what: string, args: string[]): void {
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    console.error(`start: ${what} failed (${r.error ? r.error.message : `exit ${r.status ?? r.signal}`}).`);
    process.exit(r.status ?? 1);
  }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, "generated", "prisma", "client.ts"))) {
    console.log("start: generating the Prisma client…");
    runOrExit("prisma generate", [path.join(root, "scripts", "postinstall.ts")]);
  }

  // Imported only now: the env module creates data/, and the db modules need the generated client.
  const { getEnv } = await import("../lib/env.ts");
  const { ensureMigrated } = await import("../lib/db/ensure-migrated.ts");
  const env = getEnv();
  try {
    const { applied } = await ensureMigrated();
    console.log(applied.length > 0 ? `start: applied migrations ${applied.join(", ")}` : "start: database is up to date");
  } catch (err) {
    console.error(`start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }

  const stale = buildIsStale();
  if (stale) {
    console.log(`start: building the app (${stale}); this takes a few minutes on first run…`);
    runOrExit("next build", [nextBin, "build"]);
  }

  console.log(`start: serving on http://localhost:${env.PORT}`);
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "--port", String(env.PORT)], { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      child.kill(signal);
    });
  }
  child.on("exit", (code, signal) => {
    process.exit(code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1) : 1));
  });
}

void main();
