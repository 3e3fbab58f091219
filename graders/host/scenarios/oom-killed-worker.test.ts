import { describe, expect, it } from "vitest";
import { judge, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded, restarted } from "./testkit.ts";

const SLUG = "oom-killed-worker";
const SEEDS = [1, 2, 3, 42, 1234];

const GONE = "The leaking cache-warmer is no longer running";
const RUNNING = "worker.service is running";
const NOT_EXEMPT = "worker.service is not exempt from the OOM killer";
const STAYS_UP = "worker.service stays up for the next ten minutes";
const ALL = [GONE, RUNNING, NOT_EXEMPT, STAYS_UP];
const unit = (run: ScenarioRun) => run.session.host.state.units["worker.service"]!;
const warmerPid = (run: ScenarioRun): number =>
  Object.values(run.session.host.state.procs).find((p) => p.comm === "cache-warmer")!.pid;
/** Failing checks once the worker is back from any auto-restart in progress (RestartSec is at most 15 s). */
const settled = (run: ScenarioRun): string[] => {
  run.session.host.advance(20_000);
  return failing(run);
};

describe("scenario oom-killed-worker", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(settled(run).sort()).toEqual([GONE, STAYS_UP].sort());
    // Right after a (re)start the worker's score carries +500, so it outranks the much bigger warmer.
    const pid = warmerPid(run);
    const worker = unit(run).mainPid!;
    const scores = await type(run, `cat /proc/${worker}/oom_score_adj /proc/${worker}/oom_score /proc/${pid}/oom_score_adj /proc/${pid}/oom_score`);
    const [wAdj, wScore, cAdj, cScore] = scores.trim().split("\n").map(Number) as [number, number, number, number];
    expect([wAdj, cAdj]).toEqual([500, 0]);
    expect(cScore).toBeGreaterThan(666);
    expect(wScore).toBeGreaterThan(cScore);
    expect(unit(run).restarts).toBeGreaterThanOrEqual(2);
    expect(await type(run, "journalctl -u worker --no-pager | grep -c 'killed by the OOM killer'")).toMatch(/^[2-9]\d*\n$/);
    const status = await type(run, "systemctl status worker");
    expect(status).toMatch(/Main process exited, code=killed, status=9\/KILL\n/);
    expect(status).toMatch(/Failed with result 'oom-kill'\.\n/);
    const kernel = await type(run, "sudo dmesg");
    expect(kernel).toMatch(/\] \S+ invoked oom-killer: gfp_mask=0x140cca\(GFP_HIGHUSER_MOVABLE\|__GFP_COMP\), order=0, oom_score_adj=(0|500)\n/);
    expect(kernel).toContain("] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n");
    expect(kernel).toMatch(/oom-kill:constraint=CONSTRAINT_NONE,nodemask=\(null\),cpuset=\/,mems_allowed=0,global_oom,task_memcg=\/system\.slice\/worker\.service,task=worker,pid=\d+,uid=997\n/);
    expect(kernel).toMatch(/Out of memory: Killed process \d+ \(worker\) total-vm:\d+kB, anon-rss:\d+kB, file-rss:\d+kB, shmem-rss:0kB, UID:997 pgtables:\d+kB oom_score_adj:500\n/);
    expect(kernel).not.toMatch(/Killed process \d+ \(cache-warmer\)/);
    // The same report reaches journalctl -k, with the kernel's priorities.
    expect(await type(run, "sudo journalctl -k -p err --no-pager | grep -c 'Out of memory'")).toMatch(/^[2-9]\d*\n$/);
    // The warmer's story: deploy, parent 1, no terminal, nohup'd from deploy's home.
    expect(await type(run, `ps -o user=,ppid=,tty=,comm= -p ${pid}`)).toMatch(/^deploy +1 \? +cache-warmer\n$/);
    expect(await type(run, `sudo readlink /proc/${pid}/cwd /proc/${pid}/fd/1`)).toBe("/home/deploy\n/home/deploy/nohup.out\n");
    expect(await type(run, `sudo tail -1 /home/deploy/.bash_history`)).toBe("exit\n");
    expect(await type(run, `journalctl --no-pager | grep -c 'logged out. Waiting for processes to exit'`)).toBe("1\n");
    // The leak shows over time.
    const rss = async (): Promise<number> => Number((await type(run, `ps -o rss= -p ${pid}`)).trim());
    const before = await rss();
    await type(run, "sleep 60");
    expect(await rss()).toBeGreaterThan(before + 1500);
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    run.session.host.advance(20 * 60_000);
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
    expect(await type(run, "systemctl is-active worker")).toBe("active\n");
  });

  it("is solved by pkill as the warmer's owner, the crash loop recovering on its own", async () => {
    const run = startScenario(SLUG, 5);
    expect(await type(run, "sudo -u deploy pkill cache-warmer")).toBe("");
    expect(settled(run)).toEqual([]);
  });

  it("is solved by kill -9 through pgrep", async () => {
    const run = startScenario(SLUG, 6);
    await type(run, "sudo kill -9 $(pgrep -u deploy cache-warmer)");
    expect(settled(run)).toEqual([]);
  });

  it("is not solved by restarting the worker: the kernel kills it again", async () => {
    const run = startScenario(SLUG, 7);
    await type(run, "sudo systemctl restart worker");
    expect(failing(run)).toEqual([GONE, STAYS_UP]);
    const restarts = unit(run).restarts;
    run.session.host.advance(10 * 60_000);
    expect(unit(run).restarts).toBeGreaterThan(restarts);
  });

  it("is not solved by stopping the worker", async () => {
    const run = startScenario(SLUG, 8);
    await type(run, "sudo systemctl stop worker");
    expect(failing(run)).toEqual([GONE, RUNNING, STAYS_UP]);
  });

  it("is not solved by exempting the worker from the OOM killer", async () => {
    const run = startScenario(SLUG, 9);
    run.session.host.advance(20_000);
    const pid = unit(run).mainPid!;
    expect(await run.session.run(`echo -1000 > /proc/${pid}/oom_score_adj`)).toMatchObject({ exitCode: 1 });
    await type(run, `echo -1000 | sudo tee /proc/${pid}/oom_score_adj`);
    expect(await type(run, `cat /proc/${pid}/oom_score`)).toBe("0\n");
    expect(failing(run)).toEqual([GONE, NOT_EXEMPT]);
  });

  it("is not solved once the worker is exempted in its unit file, even after the kernel kills the warmer", async () => {
    const run = startScenario(SLUG, 10);
    await type(run,
      "sudo sed -i 's/^OOMScoreAdjust=500$/OOMScoreAdjust=-1000/' /etc/systemd/system/worker.service",
      "sudo systemctl daemon-reload", "sudo systemctl restart worker");
    run.session.host.advance(3 * 3600_000);
    expect(await type(run, "sudo dmesg | grep -c 'Killed process [0-9]* (cache-warmer)'")).toBe("1\n");
    expect(failing(run)).toEqual([NOT_EXEMPT]);
  });

  it("varies by seed, reproduces, and survives save and restore", async () => {
    expectSeeded(SLUG);
    const run = startScenario(SLUG, 21);
    const again = restarted(run);
    await type(again, `sudo kill ${warmerPid(again)}`);
    expect(settled(again)).toEqual([]);
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  });
});
