import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { baseSession, runAll } from "../../testkit.ts";
import type { Session } from "../../shell/session.ts";
import { firesAt, parseLine, parseTable } from "./schedule.ts";

const at = (iso: string): number => Date.parse(iso);

/** Put a file in place as root with an old mtime unless given. */
function put(s: Session, path: string, text: string, opts: fs.CreateOpts = {}): void {
  if (fs.tryResolve(s.host.state, fs.ROOT, path)) fs.unlink(s.host.state, fs.ROOT, path);
  fs.createFile(s.host.state, fs.ROOT, path, text, { mtimeMs: s.host.now, ...opts });
  const dir = fs.resolve(s.host.state, fs.ROOT, path.slice(0, path.lastIndexOf("/"))).inode;
  dir.mtimeMs = s.host.now;
}

/** A job that leaves a marker file, so a test can see it ran. */
function markerJob(s: Session, exe: string, marker: string): void {
  put(s, exe, "", { mode: 0o755 });
  s.host.state.execs = { ...s.host.state.execs, [exe]: { program: "write-file", params: { path: marker, text: "ran {epoch}\n" } } };
}

/** A stock host half a minute past the hour, so cron's next wake-up is a known 31 s away. */
function fresh(): Session {
  const s = baseSession();
  s.host.advance(30_000);
  return s;
}

const cronLines = (s: Session): string[] => s.host.state.journal.filter((e) => e.unit === "cron.service").map((e) => `${e.ident}: ${e.message}`);

describe("crontab syntax", () => {
  it("reads lists, ranges, steps and names like cron 3.0pl1", () => {
    const e = parseLine("*/15 9-17 * * mon-fri /usr/bin/true", false);
    expect(e.kind).toBe("entry");
    if (e.kind !== "entry") return;
    expect(e.schedule.minutes).toEqual([0, 15, 30, 45]);
    expect(e.schedule.hours).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(e.schedule.dows).toEqual([1, 2, 3, 4, 5]);
    expect(e.command).toBe("/usr/bin/true");
    const sys = parseLine("17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly", true);
    expect(sys.kind === "entry" && sys.user).toBe("root");
    expect(sys.kind === "entry" && sys.command).toBe("cd / && run-parts --report /etc/cron.hourly");
    expect(parseLine("MAILTO=\"\"", false)).toEqual({ kind: "env", name: "MAILTO", value: "" });
    expect(parseLine("  # comment", false)).toEqual({ kind: "blank" });
  });

  it("words its errors as cron does", () => {
    const err = (line: string, system = false): string => {
      const p = parseLine(line, system, (u) => u === "root");
      return p.kind === "error" ? p.message : "ok";
    };
    expect(err("60 * * * * x")).toBe("bad minute");
    expect(err("5/15 * * * * x")).toBe("bad minute");
    expect(err("* 24 * * * x")).toBe("bad hour");
    expect(err("* * 0 * * x")).toBe("bad day-of-month");
    expect(err("* * * 13 * x")).toBe("bad month");
    expect(err("* * * * 8 x")).toBe("bad day-of-week");
    expect(err("@fortnightly x")).toBe("bad time specifier");
    expect(err("* * * * *")).toBe("bad command");
    expect(err("* * * * * * x")).toBe("bad command");
    expect(err("* * * * * nobody-here x", true)).toBe("bad username");
    expect(err("@daily x")).toBe("ok");
    expect(parseTable("* * * * * x", false)).toEqual({ line: 1, message: "bad command" });
  });

  it("fires when day-of-month OR day-of-week matches unless one is *", () => {
    const e = parseLine("0 12 1 * mon x", false);
    if (e.kind !== "entry") throw new Error("parse");
    expect(firesAt(e.schedule, at("2026-11-02T12:00:00Z"))).toBe(true); // a Monday
    expect(firesAt(e.schedule, at("2026-12-01T12:00:00Z"))).toBe(true); // the 1st, a Tuesday
    expect(firesAt(e.schedule, at("2026-11-03T12:00:00Z"))).toBe(false);
    const sunday = parseLine("0 0 * * 7 x", false);
    if (sunday.kind !== "entry") throw new Error("parse");
    expect(firesAt(sunday.schedule, at("2026-11-29T00:00:00Z"))).toBe(true);
  });
});

describe("the cron daemon", () => {
  it("runs a cron.d job as its user: CRON -> sh -c -> command, logged like Debian", async () => {
    const s = fresh();
    markerJob(s, "/usr/local/bin/heartbeat", "/tmp/heartbeat");
    put(s, "/etc/cron.d/heartbeat", "* * * * * root /usr/local/bin/heartbeat --push\n");
    s.host.advance(61_000);
    expect(fs.tryResolve(s.host.state, fs.ROOT, "/tmp/heartbeat")).not.toBeNull();
    const lines = cronLines(s).slice(-3);
    expect(lines[0]).toBe("CRON: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)");
    expect(lines[1]).toBe("CRON: (root) CMD (/usr/local/bin/heartbeat --push)");
    expect(lines[2]).toBe("CRON: pam_unix(cron:session): session closed for user root");
    const journal = s.host.state.journal.filter((e) => e.ident === "CRON").slice(-3);
    expect(journal[1]!.pid).toBe((journal[0]!.pid ?? 0) + 1);
    expect(new Date(journal[1]!.tsMs).getUTCSeconds()).toBe(1);
  });

  it("shows a running job as three processes in cron's cgroup", async () => {
    const s = fresh();
    put(s, "/opt/spin", "", { mode: 0o755 });
    s.host.state.execs = { "/opt/spin": { program: "cpu-spin" } };
    put(s, "/etc/cron.d/spin", "* * * * * admin /opt/spin -x\n");
    s.host.advance(61_000);
    const ps = (await s.run("ps -eo user,ppid,pid,stat,args")).stdout;
    const cron = Object.values(s.host.state.procs).find((p) => p.argv[0] === "/usr/sbin/cron")!;
    const child = Object.values(s.host.state.procs).find((p) => p.ppid === cron.pid)!;
    expect(ps).toMatch(new RegExp(`^root +${cron.pid} +${child.pid} S +/usr/sbin/CRON -f$`, "m"));
    expect(ps).toMatch(new RegExp(`^admin +${child.pid} +${child.pid + 1} Ss +/bin/sh -c /opt/spin -x$`, "m"));
    expect(ps).toMatch(new RegExp(`^admin +${child.pid + 1} +${child.pid + 2} R +/opt/spin -x$`, "m"));
    expect((await s.run("systemctl status cron")).stdout).toContain(`─${child.pid + 2} /opt/spin -x\n`);
  });

  it("skips cron.d names with a dot, refuses insecure files every minute, and says RELOAD once fixed", async () => {
    const s = fresh();
    markerJob(s, "/usr/local/bin/job", "/tmp/ran");
    put(s, "/etc/cron.d/job.disabled", "* * * * * root /usr/local/bin/job\n");
    s.host.advance(61_000);
    expect(fs.tryResolve(s.host.state, fs.ROOT, "/tmp/ran")).toBeNull();
    put(s, "/etc/cron.d/job", "* * * * * root /usr/local/bin/job\n", { mode: 0o664 });
    s.host.advance(120_000);
    expect(cronLines(s).filter((l) => l === "cron: (*system*job) INSECURE MODE (group/other writable) (/etc/cron.d/job)")).toHaveLength(2);
    expect(fs.tryResolve(s.host.state, fs.ROOT, "/tmp/ran")).toBeNull();
    await runAll(s, "sudo chmod 644 /etc/cron.d/job");
    s.host.advance(60_000);
    expect(cronLines(s)).toContain("cron: (*system*job) RELOAD (/etc/cron.d/job)");
    expect(fs.tryResolve(s.host.state, fs.ROOT, "/tmp/ran")).not.toBeNull();
    // cron only looks again when an mtime moves: a chown alone goes unnoticed until the file is touched.
    await runAll(s, "sudo chown admin /etc/cron.d/job");
    s.host.advance(60_000);
    expect(cronLines(s)).not.toContain("cron: (*system*job) WRONG FILE OWNER (/etc/cron.d/job)");
    await runAll(s, "sudo touch /etc/cron.d/job");
    s.host.advance(60_000);
    expect(cronLines(s)).toContain("cron: (*system*job) WRONG FILE OWNER (/etc/cron.d/job)");
  });

  it("logs a syntax error once and ignores the whole file", async () => {
    const s = fresh();
    put(s, "/etc/cron.d/broken", "* * * * * root /bin/true\n61 * * * * root /bin/true\n");
    s.host.advance(180_000);
    const lines = cronLines(s);
    expect(lines.filter((l) => l === "cron: Error: bad minute; while reading /etc/cron.d/broken")).toHaveLength(1);
    expect(lines).toContain("cron: (*system*broken) ERROR (Syntax error, this crontab file will be ignored)");
    expect(lines.filter((l) => l.includes("CMD (/bin/true)"))).toHaveLength(0);
  });

  it("reports what dash says about a missing or non-executable command as undeliverable output", async () => {
    const s = fresh();
    put(s, "/etc/cron.d/gone", "MAILTO=root\n* * * * * root /opt/gone/run\n");
    s.host.advance(62_000);
    expect(cronLines(s).slice(-2)).toEqual(["CRON: (CRON) info (No MTA installed, discarding output)", "CRON: pam_unix(cron:session): session closed for user root"]);
    expect(Object.values(s.host.state.procs).filter((p) => p.argv[0] === "/bin/sh")).toHaveLength(0);
  });

  it("starts no jobs while stopped and picks them up again after a start", async () => {
    const s = fresh();
    markerJob(s, "/usr/local/bin/job", "/tmp/ran");
    put(s, "/etc/cron.d/job", "* * * * * root /usr/local/bin/job\n");
    await runAll(s, "sudo systemctl stop cron");
    s.host.advance(180_000);
    expect(fs.tryResolve(s.host.state, fs.ROOT, "/tmp/ran")).toBeNull();
    await runAll(s, "sudo systemctl start cron");
    expect(cronLines(s)).toContain("cron: (CRON) INFO (Skipping @reboot jobs -- not system startup)");
    s.host.advance(61_000);
    expect(fs.tryResolve(s.host.state, fs.ROOT, "/tmp/ran")).not.toBeNull();
  });
});

describe("load average", () => {
  it("climbs far above the core count while four copies spin, and decays after they die", async () => {
    const s = fresh();
    put(s, "/opt/spin", "", { mode: 0o755 });
    s.host.state.execs = { "/opt/spin": { program: "cpu-spin" } };
    put(s, "/etc/cron.d/spin", "* * * * * admin /opt/spin\n");
    s.host.advance(4 * 60_000 + 5_000);
    await runAll(s, "sudo rm /etc/cron.d/spin");
    s.host.advance(6 * 60_000);
    const load = (out: string): number[] => out.split("load average: ")[1]!.trim().split(", ").map(Number);
    const [one, five] = load((await s.run("uptime")).stdout);
    expect(one).toBeGreaterThan(3.5);
    expect(five).toBeGreaterThan(2);
    const spinning = Object.values(s.host.state.procs).filter((p) => p.argv[0] === "/opt/spin");
    expect(spinning.length).toBeGreaterThanOrEqual(4);
    expect((await s.run("cat /proc/loadavg")).stdout).toMatch(new RegExp(`^\\d+\\.\\d\\d \\d+\\.\\d\\d \\d+\\.\\d\\d ${spinning.length + 1}/\\d+ \\d+\n$`));
    const top = (await s.run("top -b -n 1")).stdout;
    expect(top).toMatch(/%Cpu\(s\): +\d+\.\d us/);
    for (const p of spinning) expect(p.cpuShare).toBeCloseTo(2 / spinning.length);
    await runAll(s, "sudo pkill -f /opt/spin");
    s.host.advance(5 * 60_000);
    const [after] = load((await s.run("uptime")).stdout);
    expect(after).toBeLessThan(0.1 + one! * Math.exp(-4));
    expect(after).toBeGreaterThan(0);
  });
});

describe("what the shell runs", () => {
  it("does not run the right side of a guard like `test -e ... || cmd`", async () => {
    const s = fresh();
    put(s, "/etc/cron.d/guarded", "* * * * * root test -e /run/systemd/system || SERVICE_MODE=1 /usr/lib/nothing-here\n");
    s.host.advance(61_000);
    expect(cronLines(s)).not.toContain("CRON: (CRON) info (No MTA installed, discarding output)");
    expect(cronLines(s)).toContain("CRON: (root) CMD (test -e /run/systemd/system || SERVICE_MODE=1 /usr/lib/nothing-here)");
  });
});
