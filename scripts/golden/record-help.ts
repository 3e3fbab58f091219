/**
 * Records `NAME --help` and `man NAME` for every command the simulated host offers, from this
 * Debian 12 machine: npx node scripts/golden/record-help.ts. Written to
 * graders/host/commands/help/helps.json and manpages.json; a --help that is refused as an
 * unknown option is not kept (the command answers for itself).
 * Man pages are rendered as `MANWIDTH=80 man NAME | cat` would and cut to the header,
 * NAME, SYNOPSIS and the start of DESCRIPTION plus the footer (see help/man.ts).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { USR_BIN, USR_SBIN } from "../../graders/host/state/base/binaries.ts";
import { HOST_COMMANDS, JUST_BASH_BUILTINS } from "../../graders/host/commands/registry.ts";
import { SBIN_COMMANDS } from "../../graders/host/commands/sbin.ts";

if (!readFileSync("/etc/os-release", "utf8").includes('VERSION_ID="12"')) {
  process.stderr.write("record on Debian 12\n");
  process.exit(1);
}

/** bash builtins answer --help themselves (or not at all): `echo --help` prints "--help". */
const SHELL_BUILTINS = new Set(["echo", "printf", "pwd", "true", "false", "kill", "time", "test", "[", "alias", "unalias", "history", "ulimit", "cd"]);
/** Lines of DESCRIPTION kept; the rest of a long page is cut (noted in help/man.ts). */
const DESCRIPTION_LINES = 40;
const env = { PATH: "/usr/bin:/bin:/usr/sbin:/sbin", LANG: "C.UTF-8", MANWIDTH: "80", MANPAGER: "cat", PAGER: "cat", MAN_KEEP_FORMATTING: "" } as unknown as NodeJS.ProcessEnv;

function which(name: string): string | undefined {
  return [`/usr/bin/${name}`, `/usr/sbin/${name}`, `/bin/${name}`, `/sbin/${name}`].find((p) => {
    try {
      readFileSync(p, { flag: "r" });
      return true;
    } catch {
      return false;
    }
  });
}

function trimManPage(text: string): string {
  const lines = text.split("\n");
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  const footer = lines[lines.length - 1] ?? "";
  const out: string[] = [];
  let section = "";
  let inDescription = 0;
  for (const line of lines.slice(0, -1)) {
    if (/^[A-Z][A-Z0-9 ,-]*$/.test(line)) {
      if (section === "DESCRIPTION") break;
      section = line;
    }
    if (section === "DESCRIPTION" && ++inDescription > DESCRIPTION_LINES) break;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return `${out.join("\n")}\n\n${footer}\n`;
}

const names = new Set<string>([...Object.keys(USR_BIN), ...Object.keys(USR_SBIN), ...HOST_COMMANDS.map((c) => c.name), ...JUST_BASH_BUILTINS, ...SBIN_COMMANDS.keys()]);
/** stdout/stderr/status of `NAME --help`: some tools print their usage to stderr and exit non-zero (ip: 255). */
const helps: Record<string, { stdout: string; stderr: string; exitCode: number }> = {};
const mans: Record<string, string> = {};
for (const name of [...names].sort()) {
  const path = which(name);
  if (path && !SHELL_BUILTINS.has(name)) {
    const r = spawnSync(path, ["--help"], { argv0: name, encoding: "utf8", env, timeout: 5000, input: "" });
    const text = `${r.stdout}${r.stderr}`;
    const status = r.status;
    const usage = status === 0 ? r.stdout.trim() !== "" : status !== null && /usage/i.test(text);
    if (status !== null && usage && !/(unrecognized|invalid|unknown) option/i.test(text)) {
      helps[name] = { stdout: r.stdout, stderr: r.stderr, exitCode: status };
    }
  }
  const m = spawnSync("man", [name], { encoding: "utf8", env, timeout: 10000 });
  if (m.status === 0 && m.stdout.trim() !== "") mans[name] = trimManPage(m.stdout);
}
/** File-format and daemon pages a troubleshooter reads, stored as "name(section)". */
const EXTRA_PAGES: [string, string][] = [
  ["5", "fstab"], ["5", "crontab"], ["5", "sudoers"], ["5", "hosts"], ["5", "resolv.conf"], ["5", "ext4"], ["5", "timesyncd.conf"],
  ["5", "systemd.service"], ["5", "systemd.unit"], ["5", "systemd.exec"], ["5", "journald.conf"], ["5", "passwd"], ["5", "group"],
  ["8", "systemd-timesyncd"], ["8", "systemd-journald"], ["8", "cron"], ["8", "sshd"], ["5", "sshd_config"], ["7", "hier"],
];
for (const [section, name] of EXTRA_PAGES) {
  const m = spawnSync("man", [section, name], { encoding: "utf8", env, timeout: 10000 });
  if (m.status === 0 && m.stdout.trim() !== "") mans[`${name}(${section})`] = trimManPage(m.stdout);
}
const dir = new URL("../../graders/host/commands/help/", import.meta.url);
writeFileSync(new URL("helps.json", dir), `${JSON.stringify(helps, null, 1)}\n`);
writeFileSync(new URL("manpages.json", dir), `${JSON.stringify(mans, null, 1)}\n`);
process.stdout.write(`recorded ${Object.keys(helps).length} --help texts and ${Object.keys(mans).length} man pages\n`);
