import { describe, expect, it } from "vitest";
import { baseHost, baseSession } from "../testkit.ts";
import { startUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import { memInfo } from "./memory.ts";
import { anonLimitKb, badness, oomScore } from "./oom.ts";
import { rssKb, spawn, type SpawnSpec } from "./procs.ts";
import type { Host } from "./host.ts";
import type { Proc } from "./types.ts";

const LIMITS = { nofile: [1024, 524288] as [number, number], nproc: [7609, 7609] as [number, number] };

function leaker(host: Host, spec: Partial<SpawnSpec> = {}): Proc {
  return spawn(host.state, {
    ppid: 1, uid: 1000, gid: 1000, comm: "leaker", argv: ["/usr/local/bin/leaker"], exe: "/usr/local/bin/leaker", env: {}, cwd: "/",
    tty: null, cpuShare: 0.1, vszKb: 900_000, rssKb: 400_000, rssGrowKbPerSec: 20_000, nice: 0, limits: LIMITS, ...spec,
  });
}

const UNIT = `[Unit]
Description=Batch worker

[Service]
ExecStart=/usr/local/bin/batch
Restart=always
RestartSec=5
OOMScoreAdjust=500
`;

describe("OOM killer", () => {
  it("scores like the kernel: 2/3 of 1000 plus the memory share, adj on top, 0 for the exempt", () => {
    const host = baseHost();
    const small = leaker(host, { rssKb: 1_000, rssGrowKbPerSec: 0 });
    expect(oomScore(small, host.now)).toBe(666);
    const big = leaker(host, { rssKb: 1_048_576, rssGrowKbPerSec: 0 });
    // A gigabyte on a 2 GiB VM is half of all pages: (1000 + 500) * 2/3.
    expect(oomScore(big, host.now)).toBeGreaterThanOrEqual(999);
    expect(oomScore(big, host.now)).toBeLessThanOrEqual(1002);
    small.oomScoreAdj = 500;
    expect(oomScore(small, host.now)).toBe(1000);
    small.oomScoreAdj = -1000;
    expect(oomScore(small, host.now)).toBe(0);
    expect(badness(small, host.now)).toBeNull();
    // init and kernel threads are never candidates.
    expect(oomScore(host.state.procs[1]!, host.now)).toBe(0);
    expect(oomScore(host.state.procs[2]!, host.now)).toBe(0);
  });

  it("kills the highest badness once memory runs out and says so in the kernel's words", async () => {
    const s = baseSession();
    const host = s.host;
    const p = leaker(host);
    expect(rssKb(p, host.now)).toBe(400_000);
    const free = await s.run("free -m");
    // Memory fills at 20 MB/s; within two minutes the kernel must step in.
    host.advance(120_000);
    expect(host.state.procs[p.pid]).toBeUndefined();
    const dmesg = (await s.run("sudo dmesg")).stdout;
    expect(dmesg).toMatch(/\] leaker invoked oom-killer: gfp_mask=0x140cca\(GFP_HIGHUSER_MOVABLE\|__GFP_COMP\), order=0, oom_score_adj=0\n/);
    expect(dmesg).toMatch(/\] CPU: [01] PID: \d+ Comm: leaker Not tainted 6\.1\.0-27-cloud-amd64 #1  Debian 6\.1\.115-1\n/);
    expect(dmesg).toMatch(/\] Tasks state \(memory values in pages\):\n.*\] \[  pid  \]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n/);
    // One row per user-space task, the kernel's printf widths: [%7d] %5d %5d %8lu %8lu %8ld %8lu         %5hd %s
    expect(dmesg).toMatch(new RegExp(`\\] \\[ {0,6}${p.pid}\\]  1000 {1,5}${p.pid} +\\d+ +\\d+ +\\d+        0             0 leaker\\n`));
    expect(dmesg).not.toMatch(/\] \[ +2\] +0 +2 /);
    expect(dmesg).toMatch(new RegExp(`oom-kill:constraint=CONSTRAINT_NONE,nodemask=\\(null\\),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system\\.slice,task=leaker,pid=${p.pid},uid=1000\\n`));
    expect(dmesg).toMatch(new RegExp(`Out of memory: Killed process ${p.pid} \\(leaker\\) total-vm:\\d+kB, anon-rss:\\d+kB, file-rss:\\d+kB, shmem-rss:0kB, UID:1000 pgtables:\\d+kB oom_score_adj:0\\n`));
    expect(dmesg).toMatch(new RegExp(`oom_reaper: reaped process ${p.pid} \\(leaker\\), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\\n`));
    expect((await s.run("sudo journalctl -k -p err --no-pager")).stdout).toMatch(/kernel: Out of memory: Killed process \d+ \(leaker\)/);
    expect(free.exitCode).toBe(0);
    // Memory is back once the leaker is gone.
    expect(memInfo(host).available).toBeGreaterThan(1_000_000);
  });

  it("follows oom_score_adj: a unit with OOMScoreAdjust=500 dies before a bigger leaker, and systemd reports it", async () => {
    const s = baseSession();
    const host = s.host;
    const unit = installUnit(host, { name: "batch.service", path: "/etc/systemd/system/batch.service", text: UNIT, program: "idle", memoryKb: 500_000 });
    startUnit(host, unit);
    const first = unit.mainPid!;
    expect(host.state.procs[first]!.oomScoreAdj).toBe(500);
    expect((await s.run(`cat /proc/${first}/oom_score_adj`)).stdout).toBe("500\n");
    expect((await s.run("systemctl show batch -p OOMScoreAdjust")).stdout).toBe("OOMScoreAdjust=500\n");
    const p = leaker(host, { rssKb: 700_000, rssGrowKbPerSec: 10_000 });
    const limit = anonLimitKb(host);
    const others = Object.values(host.state.procs).reduce((n, q) => n + rssKb(q, host.now), 0);
    // Until the first kill, then 20 s more: the leaker is then ~1.3 GB, the unit 500 MB plus half of RAM in adj.
    host.advance(Math.ceil((limit - others) / 10) + 20_000);
    expect(host.state.procs[p.pid]).toBeDefined();
    expect(unit.restarts).toBeGreaterThanOrEqual(1);
    const status = (await s.run("systemctl status batch")).stdout;
    expect(status).toContain(": batch.service: A process of this unit has been killed by the OOM killer.\n");
    expect(status).toContain(": batch.service: Main process exited, code=killed, status=9/KILL\n");
    expect(status).toContain(": batch.service: Failed with result 'oom-kill'.\n");
  });

  it("lets root write oom_score_adj; others may only raise their own", async () => {
    const s = baseSession();
    const p = leaker(s.host, { rssGrowKbPerSec: 0 });
    expect((await s.run(`cat /proc/${p.pid}/oom_score_adj`)).stdout).toBe("0\n");
    expect(await s.run(`echo 300 > /proc/${p.pid}/oom_score_adj`)).toMatchObject({ exitCode: 0 });
    expect(p.oomScoreAdj).toBe(300);
    expect(await s.run(`echo 100 > /proc/${p.pid}/oom_score_adj`)).toEqual({ stdout: "", stderr: `-bash: /proc/${p.pid}/oom_score_adj: Permission denied\n`, exitCode: 1 });
    expect(await s.run(`echo -1000 | sudo tee /proc/${p.pid}/oom_score_adj`)).toEqual({ stdout: "-1000\n", stderr: "", exitCode: 0 });
    expect((await s.run(`cat /proc/${p.pid}/oom_score`)).stdout).toBe("0\n");
    expect((await s.run(`echo 5000 | sudo tee /proc/${p.pid}/oom_score_adj`)).stderr).toBe(`tee: /proc/${p.pid}/oom_score_adj: Invalid argument\n`);
    expect(p.oomScoreAdj).toBe(-1000);
  });

  it("levels a capped working set off instead of growing forever", () => {
    const host = baseHost();
    const p = leaker(host, { rssKb: 100_000, rssGrowKbPerSec: 1_000, rssCapKb: 150_000 });
    host.advance(30_000);
    expect(rssKb(p, host.now)).toBe(130_000);
    host.advance(120_000);
    expect(rssKb(p, host.now)).toBe(150_000);
  });
});
