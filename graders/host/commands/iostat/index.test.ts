import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";
import { spawn } from "../../state/procs.ts";
import type { Session } from "../../shell/session.ts";
import { installPackage } from "../../net/packages.ts";

// Header lines exactly as sysstat 12.6.1's iostat prints them.
const BASIC = "Device             tps    kB_read/s    kB_wrtn/s    kB_dscd/s    kB_read    kB_wrtn    kB_dscd\n";
const EXTENDED = "Device            r/s     rkB/s   rrqm/s  %rrqm r_await rareq-sz     w/s     wkB/s   wrqm/s  %wrqm w_await wareq-sz     d/s     dkB/s   drqm/s  %drqm d_await dareq-sz     f/s f_await  aqu-sz  %util\n";
const CPU = "avg-cpu:  %user   %nice %system %iowait  %steal   %idle\n";

function session(): Session {
  const s = baseSession();
  installPackage(s.host.state, "sysstat", 0);
  return s;
}

/** A process streaming from the disk faster than the volume can serve, stuck in D between requests. */
function backup(s: Session): void {
  spawn(s.host.state, {
    ppid: 1, uid: 0, gid: 0, comm: "tar", argv: ["tar", "czf", "/backup/home.tgz", "/home"], exe: "/usr/bin/tar", env: {}, cwd: "/", tty: null,
    cpuShare: 0.05, vszKb: 9_000, rssKb: 3_000, rssGrowKbPerSec: 0, nice: 0, state: "D",
    limits: { nofile: [1024, 524288], nproc: [7609, 7609] }, ioReadKbPerSec: 150_000, ioWriteKbPerSec: 40_000,
  });
}

describe("iostat", () => {
  it("prints the since-boot report in sysstat's layout", async () => {
    const s = session();
    const r = await s.run("iostat");
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Linux 6.1.0-27-cloud-amd64 (web-01) \t11/25/26 \t_x86_64_\t(2 CPU)");
    expect(lines.slice(1, 3)).toEqual(["", CPU.trimEnd()]);
    expect(lines[3]).toMatch(/^ {7}( {4}\d\.\d\d| {3}\d\d\.\d\d| {2}100\.00){6}$/);
    expect(`${lines[5]}\n`).toBe(BASIC);
    expect(lines[6]).toMatch(/^vda {10} +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d +0\.00 +\d+ +\d+ +0$/);
    expect(r.stdout.endsWith("\n\n\n")).toBe(true);
    // Columns line up under the header: each number ends where its heading ends.
    const ends = (line: string): number[] => [...line.matchAll(/\S+/g)].map((m) => m.index + m[0].length).slice(1);
    expect(ends(lines[6] ?? "")).toEqual(ends(BASIC));
  });

  it("has -x, -d, -c, -m, -p and -z with the real headers", async () => {
    const s = session();
    expect((await s.run("iostat -x")).stdout).toContain(`\n${EXTENDED}vda `);
    const d = (await s.run("iostat -d -m")).stdout;
    expect(d).not.toContain("avg-cpu");
    expect(d).toContain("Device             tps    MB_read/s    MB_wrtn/s    MB_dscd/s    MB_read    MB_wrtn    MB_dscd\n");
    const c = (await s.run("iostat -c")).stdout;
    expect(c).not.toContain("Device");
    expect(c.endsWith("\n\n\n\n")).toBe(true);
    expect((await s.run("iostat -p ALL -d")).stdout).toMatch(/\nvda +.*\nvda1 +.*\nvda14 +.*\nvda15 +.*\n\n\n$/);
    expect((await s.run("iostat -d sdb")).stdout).toMatch(/\n\nDevice {13}tps.*\n\n\n$/);
    expect(await s.run("iostat -Q")).toMatchObject({ stdout: "", exitCode: 1 });
    expect((await s.run("iostat -Q")).stderr).toMatch(/^Usage: iostat \[ options \] \[ <interval> \[ <count> \] \]\nOptions are:\n/);
  });

  it("reports per interval after the first, and shows a saturated disk as the kernel would", async () => {
    const s = session();
    backup(s);
    const out = (await s.run("iostat -xz 1 2")).stdout;
    const reports = out.split(CPU);
    expect(reports).toHaveLength(3);
    const last = reports[2] as string;
    const row = /\nvda +(.*)\n/.exec(last)?.[1]?.trim().split(/ +/).map(Number) ?? [];
    // r/s rkB/s ... %util: the volume delivers its 125 MiB/s, not what tar asks for, and is busy all the time.
    expect((row[1] ?? 0) + (row[7] ?? 0)).toBeLessThanOrEqual(128_001);
    expect(row[1]).toBeGreaterThan(90_000);
    expect(row[21]).toBe(100);
    expect(row[4]).toBeGreaterThan(20);
    const cpu = (last.split("\n")[0] ?? "").trim().split(/ +/).map(Number);
    expect(cpu[3]).toBeGreaterThan(20);
    // vmstat sees the same: a task in D, blocks in and out, iowait.
    const vm = (await s.run("vmstat 1 2")).stdout.trimEnd().split("\n").pop()!.trim().split(/ +/).map(Number);
    expect(vm[1]).toBe(1);
    expect(vm[8]).toBeGreaterThan(90_000);
    expect(vm[15]).toBeGreaterThan(20);
  });

  it("is not there until sysstat is installed", async () => {
    const s = baseSession();
    expect((await s.run("iostat")).stderr).toBe("-bash: iostat: command not found\n");
  });
});
