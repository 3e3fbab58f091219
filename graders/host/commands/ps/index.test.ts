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

describe("ps trees, job columns and time formats", () => {
  it("draws the BSD tree of axf / -ef --forest: kthreadd's tree first, init's children at the margin", async () => {
    const s = baseSession();
    const out = (await s.run("ps axf")).stdout.split("\n");
    expect(out[0]).toBe("    PID TTY      STAT   TIME COMMAND");
    expect(out[1]).toMatch(/^ +2 \? +S +0:00 \[kthreadd\]$/);
    expect(out[2]).toMatch(/^ +3 \? +I< +0:00  \\_ \[rcu_gp\]$/);
    const tail = out.slice(-6, -1).map((l) => l.replace(/^.*\d:\d\d /, ""));
    expect(tail).toEqual([
      "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups",
      " \\_ sshd: admin [priv]",
      "     \\_ sshd: admin@pts/0",
      "         \\_ -bash",
      "             \\_ ps axf",
    ]);
    const ef = (await s.run("ps -ef --forest | tail -3")).stdout.split("\n");
    expect(ef[0]).toMatch(/ {10}\\_ -bash$/);
    // Two members of one pipeline are siblings: the first gets " |  " above its children, none here.
    expect(ef[1]).toMatch(/ {14}\\_ ps -ef --forest$/);
    expect(ef[2]).toMatch(/ {14}\\_ tail -3$/);
  });

  it("draws a '|' below a child that has a younger sibling, newest roots first", async () => {
    const s = baseSession();
    const w = worker(s);
    const child = (ppid: number, name: string, agoMin: number): number =>
      spawn(s.host.state, {
        ppid, uid: 33, gid: 33, comm: name, argv: [name], exe: `/usr/bin/${name}`, env: {}, cwd: "/", tty: null, cpuShare: 0, vszKb: 1000,
        rssKb: 500, rssGrowKbPerSec: 0, nice: 0, startMs: TEST_NOW - agoMin * 60_000, limits: { nofile: [1024, 1024], nproc: [1, 1] },
      }).pid;
    const c1 = child(w, "c1", 60);
    child(c1, "g1", 50);
    child(w, "c2", 40);
    // Roots come newest first: the worker started today, before the daemons started at boot.
    const out = (await s.run(`ps f -o args --ppid 1,${w},${c1} | head -6`)).stdout;
    expect(out).toBe("COMMAND\n/usr/bin/python3 /opt/jobs/worker.py --queue default\n \\_ c1\n |   \\_ g1\n \\_ c2\nsshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups\n");
  });

  it("indents -H by two spaces per level, init's children included", async () => {
    const s = baseSession();
    const out = (await s.run("ps -eH -o pid,cmd | tail -5")).stdout.split("\n");
    expect(out[0]).toMatch(/^ +\d+     sshd: admin \[priv\]$/);
    expect(out[1]).toMatch(/^ +\d+       sshd: admin@pts\/0$/);
    expect(out[2]).toMatch(/^ +\d+         -bash$/);
  });

  it("prints the job columns of axj: the pipeline is one process group, the shell leads the session", async () => {
    const s = baseSession();
    const shell = s.state.shellPid;
    const out = (await s.run("ps axj | grep -e PGID -e bash -e 'ps axj'")).stdout.split("\n");
    expect(out[0]).toBe("   PPID     PID    PGID     SID TTY        TPGID STAT   UID   TIME COMMAND");
    const bash = out.find((l) => l.endsWith("-bash"))!;
    const [, , , sid, , tpgid] = bash.trim().split(/ +/);
    expect(Number(sid)).toBe(shell);
    const me = out.find((l) => l.endsWith("ps axj"))!.trim().split(/ +/);
    const grep = out.find((l) => l.includes("grep -e"))!.trim().split(/ +/);
    expect(me[2]).toBe(me[1]); // ps leads its pipeline's group
    expect(grep[2]).toBe(me[1]);
    expect(tpgid).toBe(me[1]);
    expect(me[3]).toBe(String(shell));
  });

  it("prints elapsed and start times in every procps format", async () => {
    const s = baseSession();
    const pid = worker(s);
    const out = (await s.run(`ps -p ${pid} -o pid,etime,etimes,lstart,stime,start_time,start,bsdstart,time`)).stdout;
    // The session's clock has moved on a few seconds since the worker was set up.
    expect(out).toMatch(new RegExp(
      "^    PID     ELAPSED ELAPSED                  STARTED STIME START  STARTED  START     TIME\n" +
        `${String(pid).padStart(7)}    02:00:0\\d    720\\d Wed Nov 25 07:00:00 2026 07:00 07:00 07:00:00  07:00 01:00:0\\d\n$`,
    ));
    const init = (await s.run("ps -p 1 -o etime=,stime=,start=,bsdstart=,lstart=")).stdout;
    expect(init).toMatch(/^ +\d-\d\d:\d\d:\d\d Nov2\d   Nov 2\d Nov 2\d [A-Z][a-z]{2} Nov 2\d \d\d:\d\d:\d\d 2026\n$/);
  });

  it("prints scheduling columns: nice and priority, CPU, threads, what a sleeper waits in", async () => {
    const s = baseSession();
    const pid = worker(s);
    s.host.state.procs[pid]!.statFlags = "sl";
    const out = (await s.run(`ps -o pid,ppid,pgid,sid,ni,pri,nlwp,uid,user,tty,stat,wchan -p ${pid},2`)).stdout.split("\n");
    expect(out[0]).toBe("    PID    PPID    PGID     SID  NI PRI NLWP   UID USER     TT       STAT WCHAN");
    expect(out[1]).toBe("      2       0       0       0   0  19    1     0 root     ?        S    kthreadd");
    // --queue has no pool size: a threaded process gets its main thread and two helpers.
    expect(out[2]).toBe(`${String(pid).padStart(7)}       1 ${String(pid).padStart(7)} ${String(pid).padStart(7)}   0  19    3    33 www-data ?        Ssl  do_epoll_wait`);
    const kworker = (await s.run("ps -eo ni,pri,wchan,comm | grep -m1 0H-ev")).stdout;
    expect(kworker).toBe("-20  39 worker kworker/0:0H-ev\n");
    expect((await s.run("ps -C migration/0 -o ni=,pri=")).stdout).toBe("  - 139\n");
    expect((await s.run(`ps -o pid,wchan,comm`)).stdout).toMatch(/^ +\d+ do_wai bash\n +\d+ -      ps\n/m);
  });

  it("sorts by several keys with --sort and BSD k, descending with '-'", async () => {
    const s = baseSession();
    const pid = worker(s);
    expect((await s.run("ps aux --sort=-%cpu | sed -n 2p")).stdout).toMatch(new RegExp(`^www-data +${pid} 50\\.0`));
    expect((await s.run("ps -eo pid,comm k -rss | sed -n 2p")).stdout).toBe(`${String(pid).padStart(7)} worker\n`);
    expect((await s.run("ps -eo pid --sort -rss,pid --no-headers | head -1")).stdout).toBe(`${String(pid).padStart(7)}\n`);
    expect((await s.run("ps -eo pid,comm --sort=uid,-pid | sed -n 2p")).stdout).toMatch(/^ +\d+ sshd$/m);
    const bad = await s.run("ps --sort=bogus");
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^error: unknown sort specifier\n\nUsage:\n ps \[options\]\n/);
  });

  it("selects like procps: x the user's own, a every terminal's, --ppid children, usage errors", async () => {
    const s = baseSession();
    const ux = (await s.run("ps ux")).stdout;
    expect(ux).toMatch(/^admin +\d+ .* \? +S +\d\d:\d\d +0:00 sshd: admin@pts\/0$/m);
    expect(ux).not.toMatch(/^root/m);
    expect((await s.run("ps --ppid 2 -o comm= | head -1")).stdout).toBe("rcu_gp\n");
    expect((await s.run("ps -p")).stderr).toMatch(/^error: list of process IDs must follow -p\n\nUsage:/);
    expect((await s.run("ps -o")).stderr).toMatch(/^error: format specification must follow -o\n/);
    expect((await s.run("ps --bogus")).stderr).toMatch(/^error: unknown gnu long option\n/);
    expect((await s.run("ps -Y")).stderr).toMatch(/^error: unsupported SysV option\n/);
    expect(await s.run("ps -u nosuch")).toMatchObject({ stdout: "", exitCode: 1 });
    expect((await s.run("ps -u nosuch")).stderr).toMatch(/^error: user name does not exist\n\nUsage:/);
    expect(await s.run("ps -o pid -u 4242")).toMatchObject({ stdout: "    PID\n", exitCode: 1 });
  });

  it("cuts lines at the terminal's width unless given ww or piped", async () => {
    const s = baseSession();
    s.setTerminalColumns(40, 24);
    const lines = (await s.run("ps aux")).stdout.split("\n").filter(Boolean);
    expect(Math.max(...lines.map((l) => l.length))).toBe(40);
    const wide = (await s.run("ps auxww")).stdout.split("\n").filter(Boolean);
    expect(Math.max(...wide.map((l) => l.length))).toBeGreaterThan(40);
    const piped = (await s.run("ps aux | cat")).stdout.split("\n").filter(Boolean);
    expect(Math.max(...piped.map((l) => l.length))).toBeGreaterThan(40);
  });
});

describe("ps long format and threads", () => {
  it("prints -l and -ly with procps's ADDR/SZ alignment and 80-based PRI", async () => {
    const s = baseSession();
    const l = (await s.run("ps -el | head -3")).stdout.split("\n");
    expect(l[0]).toBe("F S   UID     PID    PPID  C PRI  NI ADDR SZ WCHAN  TTY          TIME CMD");
    expect(l[1]).toMatch(/^4 S     0       1       0  0  80   0 - 25979 do_epo \? +\d\d:\d\d:\d\d systemd$/);
    expect(l[2]).toMatch(/^1 S     0       2       0  0  80   0 -     0 kthrea \? +00:00:00 kthreadd$/);
    expect((await s.run("ps -lC migration/0 --no-headers")).stdout).toMatch(/^1 S     0 +\d+       2  0 -40   - -     0 smpboo \?/);
    const ly = (await s.run("ps -ely | head -2")).stdout.split("\n");
    expect(ly[0]).toBe("S   UID     PID    PPID  C PRI  NI   RSS    SZ WCHAN  TTY          TIME CMD");
    expect((await s.run("ps -j | head -1")).stdout).toBe("    PID    PGID     SID TTY          TIME CMD\n");
    expect((await s.run("ps -ejf | head -1")).stdout).toBe("UID          PID    PPID    PGID     SID  C STIME TTY          TIME CMD\n");
    expect((await s.run("ps -elf | head -1")).stdout).toBe("F S UID          PID    PPID  C PRI  NI ADDR SZ WCHAN  STIME TTY          TIME CMD\n");
  });

  it("lists one row per thread with -L / -T, workers sharing the pool's CPU time", async () => {
    const s = baseSession();
    const pid = worker(s);
    const p = s.host.state.procs[pid]!;
    p.statFlags = "sl";
    p.argv = [...p.argv, "--workers", "2"];
    const out = (await s.run(`ps -Lf -p ${pid}`)).stdout.split("\n");
    expect(out[0]).toBe("UID          PID    PPID     LWP  C NLWP STIME TTY          TIME CMD");
    const lwps = out.slice(1, -1).map((l) => l.trim().split(/ +/));
    expect(lwps.map((r) => Number(r[3]))).toEqual([pid, pid + 1, pid + 2]);
    expect(lwps.map((r) => r[5])).toEqual(["3", "3", "3"]);
    // An hour of CPU: the two workers have half each, the main thread none.
    expect(lwps.map((r) => r[8]!.slice(0, 7))).toEqual(["00:00:0", "00:30:0", "00:30:0"]);
    expect((await s.run(`ps -T -p ${pid}`)).stdout.split("\n")[0]).toBe("    PID    SPID TTY          TIME CMD");
    expect((await s.run("ps -L")).stdout).toMatch(/^    PID     LWP TTY          TIME CMD\n +(\d+) +\1 pts\/0 +00:00:00 bash\n/);
  });
});
