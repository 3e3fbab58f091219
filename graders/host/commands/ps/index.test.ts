import { describe, expect, it } from "vitest";
import { spawn } from "../../state/procs.ts";
import { baseSession, TEST_NOW } from "../../testkit.ts";
import type { Session } from "../../shell/session.ts";

/** A process with round numbers, started 2 h before the test clock, using half a CPU. */
function worker(s: Session): number {
  return spawn(s.host.state, {
    ppid: 1, uid: 33, gid: 33, comm: "worker", argv: ["/usr/bin/python3", "/opt/jobs/worker.py", "--queue", "default"],
    exe: "/usr/bin/python3.11", env: {}, cwd: "/", tty: null, cpuShare: 0.5, vszKb: 123_456, rssKb: 65_432,
    rssGrowKbPerSec: 0, nice: 0, statFlags: "s", startMs: TEST_NOW - 2 * 3600_000, limits: { nofile: [1024, 1024], nproc: [1, 1] },
  }).pid;
}

describe("ps", () => {
  it("prints aux in procps-ng 4.0.2's columns", async () => {
    const s = baseSession();
    const pid = worker(s);
    const out = (await s.run("ps aux")).stdout;
    const lines = out.split("\n");
    expect(lines[0]).toBe("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND");
    const row = lines.find((l) => l.includes("worker.py"))!;
    // %CPU is lifetime CPU over elapsed time; TIME is M:SS of CPU; START is HH:MM for today.
    const p = String(pid).padStart(7);
    expect(row).toMatch(new RegExp(`^www-data ${p} 50\\.0  3\\.2 123456 65432 \\?        Ss   07:00  60:0\\d /usr/bin/python3 /opt/jobs/worker.py --queue default$`));
    expect(lines[1]).toMatch(/^root {11}1  0\.0  0\.6 103916 12632 \? {8}Ss   Nov22   \d:\d\d \/sbin\/init$/);
    expect(out).toMatch(/^admin +\d+  0\.0  0\.2  11164  4480 pts\/0    R\+   09:00   0:00 ps aux$/m);
  });

  it("prints -ef in UNIX format with C, STIME and [DD-]HH:MM:SS time", async () => {
    const s = baseSession();
    const pid = worker(s);
    const lines = (await s.run("ps -ef")).stdout.split("\n");
    expect(lines[0]).toBe("UID          PID    PPID  C STIME TTY          TIME CMD");
    const row = lines.find((l) => l.includes("worker.py"))!;
    expect(row).toMatch(new RegExp(`^www-data ${String(pid).padStart(7)}       1 50 07:00 \\?        01:0\\d:\\d\\d /usr/bin/python3 /opt/jobs/worker.py --queue default$`));
    expect(lines[2]).toBe("root           2       0  0 Nov22 ?        00:00:00 [kthreadd]");
  });

  it("selects with -p/-C/-u, custom -o columns, --sort and blank headers", async () => {
    const s = baseSession();
    const pid = worker(s);
    expect((await s.run(`ps -p ${pid} -o pid,ppid,user,comm`)).stdout).toBe(
      `    PID    PPID USER     COMMAND\n${String(pid).padStart(7)}       1 www-data worker\n`,
    );
    expect((await s.run(`ps -o pid= -C worker`)).stdout).toBe(`${String(pid).padStart(7)}\n`);
    const top = (await s.run("ps -eo pid,rss,comm --sort=-rss")).stdout.split("\n")[1]!;
    expect(top).toBe(`${String(pid).padStart(7)} 65432 worker`);
    expect((await s.run("ps -p 999999")).exitCode).toBe(1);
    expect((await s.run("ps -o bogus")).stderr).toMatch(/^error: unknown user-defined format specifier "bogus"/);
  });

  it("shows only the terminal's own processes without options", async () => {
    const s = baseSession();
    const out = (await s.run("ps")).stdout;
    expect(out).toMatch(/^    PID TTY          TIME CMD\n +\d+ pts\/0    00:00:00 bash\n +\d+ pts\/0    00:00:00 ps\n$/);
  });

  it("shows the other members of its own pipeline, as the kernel started them together", async () => {
    const s = baseSession();
    const out = (await s.run("ps aux | grep sshd")).stdout;
    expect(out).toMatch(/^admin +(\d+)  0\.0  0\.1   6332  2176 pts\/0    S\+   \d\d:\d\d   0:00 grep sshd$/m);
    expect((await s.run("ps -ef | grep -v grep | grep -c sshd")).stdout).toBe("3\n");
    const ef = (await s.run("ps -ef | cat")).stdout;
    const shell = s.state.shellPid;
    expect(ef).toMatch(new RegExp(`^admin +(\\d+) +${shell}  0 \\d\\d:\\d\\d pts/0    00:00:00 ps -ef\nadmin +\\d+ +${shell}  0 \\d\\d:\\d\\d pts/0    00:00:00 cat\n$`, "m"));
  });

  it("shows zombies as <defunct> with state Z", async () => {
    const s = baseSession();
    const pid = worker(s);
    s.host.state.procs[pid]!.state = "Z";
    s.host.state.procs[pid]!.statFlags = "";
    const row = (await s.run("ps aux")).stdout.split("\n").find((l) => l.includes("defunct"))!;
    expect(row).toMatch(/ Z +\d\d:\d\d +\d+:\d\d \[worker\] <defunct>$/);
  });
});
