/**
 * Records the golden outputs of graders/host/golden/cases.ts on a real Debian 12
 * machine (coreutils 9.1, grep 3.8, sed 4.9, mawk 1.3.4, bash 5.2):
 *   npx node scripts/golden/record.ts
 * Each line runs in a fresh `bash -c` inside a temporary directory holding the
 * case files, with the login shell's locale (C.UTF-8). The result is written
 * to graders/host/golden/text-tools.json and replayed by replay.test.ts.
 * The lines are the fixed literals of cases.ts, never outside input.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { GOLDEN_FILES, GOLDEN_LINES } from "../../graders/host/golden/cases.ts";

const osRelease = readFileSync("/etc/os-release", "utf8");
if (!osRelease.includes('VERSION_ID="12"') || !osRelease.includes("ID=debian")) {
  process.stderr.write("record the golden outputs on Debian 12, where the simulated host's tools come from\n");
  process.exit(1);
}

const dir = mkdtempSync(path.join(os.tmpdir(), "golden-"));
try {
  for (const [name, text] of Object.entries(GOLDEN_FILES)) writeFileSync(path.join(dir, name), text);
  const records = GOLDEN_LINES.map((line) => {
    const r = spawnSync("/bin/bash", ["-c", line], { cwd: dir, encoding: "utf8", env: { ...process.env, PATH: "/usr/bin:/bin", LANG: "C.UTF-8", LC_ALL: "", HOME: dir } });
    return { line, stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? -1 };
  });
  const tools = ["coreutils", "grep", "sed", "mawk", "bash"].map((p) => {
    const r = spawnSync("dpkg-query", ["-W", "-f", "${Version}", p], { encoding: "utf8" });
    return `${p} ${r.stdout}`;
  });
  const out = { recordedOn: "Debian GNU/Linux 12 (bookworm)", tools, records };
  writeFileSync(new URL("../../graders/host/golden/text-tools.json", import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
  process.stdout.write(`recorded ${records.length} lines\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
