/**
 * Records `NAME --version` of every binary the simulated host ships (state/base/binaries.ts)
 * from this Debian 12 machine: npx node scripts/golden/record-versions.ts. Written to
 * graders/host/commands/version/versions.json; only clean exits (status 0) are kept.
 * Names are the fixed keys of the binaries table, run as argument arrays without a shell.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { USR_BIN, USR_SBIN } from "../../graders/host/state/base/binaries.ts";

if (!readFileSync("/etc/os-release", "utf8").includes('VERSION_ID="12"')) {
  process.stderr.write("record on Debian 12\n");
  process.exit(1);
}
const out: Record<string, string> = {};
for (const name of [...Object.keys(USR_BIN), ...Object.keys(USR_SBIN), "nginx", "python3", "openssl", "iptables", "iostat", "netstat", "resolvectl"]) {
  const path = [`/usr/bin/${name}`, `/usr/sbin/${name}`, `/bin/${name}`, `/sbin/${name}`].find((p) => {
    try {
      readFileSync(p, { flag: "r" });
      return true;
    } catch {
      return false;
    }
  });
  if (!path) continue;
  const r = spawnSync(path, ["--version"], { encoding: "utf8", env: { ...process.env, PATH: "/usr/bin:/bin:/usr/sbin:/sbin", LANG: "C.UTF-8" }, timeout: 5000, input: "" });
  if (r.status !== 0) continue;
  const text = r.stdout || r.stderr;
  if (text.trim() !== "") out[name] = text;
}
writeFileSync(new URL("../../graders/host/commands/version/versions.json", import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
process.stdout.write(`recorded ${Object.keys(out).length} version banners\n`);
