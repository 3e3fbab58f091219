import { describe, expect, it } from "vitest";
import { judge, startScenario, type ScenarioRun } from "./runtime.ts";
import { failing, type, expectSeeded, restarted } from "./testkit.ts";

const SLUG = "runaway-cpu-cron";
const SEEDS = [1, 2, 3, 42, 1234];
const CRON_FILE = "/etc/cron.d/reportgen";

const NONE_RUNNING = "No reportgen rebuilds are running";
const NONE_STARTING = "cron does not start new reportgen rebuilds over the next minutes";
const CRON = "cron is running";
const OTHERS = "cron still runs the other jobs (monitoring's heartbeat)";
const INTACT = "The reports program and its data are still there";
const ALL = [NONE_RUNNING, NONE_STARTING, CRON, OTHERS, INTACT];

const copies = (run: ScenarioRun): number => Object.values(run.session.host.state.procs).filter((p) => p.exe === "/opt/reports/bin/reportgen").length;
const loads = (out: string): number[] => out.split("load average: ")[1]!.trim().split(", ").map(Number);
/** Let cron reach its next minute (and a bit). */
const nextMinute = (run: ScenarioRun): void => run.session.host.advance(65_000);

describe("scenario runaway-cpu-cron", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    expect(failing(run)).toEqual([NONE_RUNNING, NONE_STARTING]);
    const n = copies(run);
    expect(n).toBeGreaterThanOrEqual(7);
    const [one, five, fifteen] = loads(await type(run, "uptime"));
    expect(one).toBeGreaterThan(5);
    expect(one).toBeGreaterThan(five!);
    expect(five).toBeGreaterThan(fifteen!);
    expect(await type(run, "nproc")).toBe("2\n");
    const ps = await type(run, "ps aux --sort=-%cpu");
    expect(ps.split("\n").filter((l) => /^reports +\d+ .* R +\d\d:\d\d .*\/opt\/reports\/bin\/reportgen --/.test(l))).toHaveLength(n);
    // The parent chain leads to cron.
    const pid = Object.values(run.session.host.state.procs).find((p) => p.exe === "/opt/reports/bin/reportgen")!;
    const sh = run.session.host.state.procs[pid.ppid]!;
    expect(sh.argv.slice(0, 2)).toEqual(["/bin/sh", "-c"]);
    expect(await type(run, `ps -o pid,ppid,args -p ${sh.ppid}`)).toMatch(new RegExp(`^ +${sh.ppid} +\\d+ /usr/sbin/CRON -f$`, "m"));
    const journal = await type(run, "journalctl -u cron --since '20 min ago'");
    expect(journal).toMatch(/cron\[\d+\]: \(\*system\*reportgen\) RELOAD \(\/etc\/cron\.d\/reportgen\)\n/);
    expect(journal.match(/CRON\[\d+\]: \(reports\) CMD \(\/opt\/reports\/bin\/reportgen --[a-z-]+\)\n/g)?.length).toBe(n);
    expect(journal).not.toContain("session closed for user reports");
    const file = await type(run, `cat ${CRON_FILE}`);
    expect(file).toMatch(/^#\d+ \d+ \* \* \* reports \/opt\/reports\/bin\/reportgen --/m);
    expect(file).toMatch(/^\* \* \* \* \* reports \/opt\/reports\/bin\/reportgen --/m);
    const log = await type(run, "tail -n 4 /var/log/reports/reportgen.log");
    expect(log.match(/full rebuild of sales reports started/g)?.length).toBe(4);
    expect(await type(run, "journalctl | grep COMMAND=")).toContain(`COMMAND=/usr/bin/vi ${CRON_FILE}`);
    // Every minute brings one more.
    nextMinute(run);
    expect(copies(run)).toBe(n + 1);
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario(SLUG, seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({ solved: true, checks: ALL.map((name) => ({ name, ok: true })) });
    expect(await type(run, `grep -c '^[0-9]' ${CRON_FILE}`)).toBe("1\n");
    run.session.host.advance(10 * 60_000);
    expect(copies(run)).toBe(0);
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
    const [one] = loads(await type(run, "uptime"));
    expect(one).toBeLessThan(1);
  });

  it("is solved by commenting the line out, then killing the copies", async () => {
    const run = startScenario(SLUG, 5);
    await type(run, `sudo sed -i 's/^\\* \\* \\* \\* \\*/#&/' ${CRON_FILE}`, "sudo pkill reportgen");
    nextMinute(run);
    expect(failing(run)).toEqual([]);
  });

  it("is solved by renaming the file to a name cron skips, or removing it, then killing the copies", async () => {
    const a = startScenario(SLUG, 6);
    await type(a, `sudo mv ${CRON_FILE} ${CRON_FILE}.disabled`, "sudo pkill -u reports reportgen");
    expect(failing(a)).toEqual([]);
    const b = startScenario(SLUG, 7);
    await type(b, `sudo rm ${CRON_FILE}`, "sudo pkill -9 -x reportgen");
    expect(failing(b)).toEqual([]);
  });

  it("is solved by chmod -x on the program: cron's shell fails every minute instead", async () => {
    const run = startScenario(SLUG, 8);
    await type(run, "sudo chmod -x /opt/reports/bin/reportgen", "sudo pkill reportgen");
    nextMinute(run);
    expect(failing(run)).toEqual([]);
    expect(await type(run, "journalctl -u cron -n 20")).toMatch(/CRON\[\d+\]: \(reports\) CMD \(\/opt\/reports\/bin\/reportgen --[a-z-]+\)\n/);
  });

  it("is not solved by killing the copies only: a new one starts at the next minute", async () => {
    const run = startScenario(SLUG, 9);
    await type(run, "sudo pkill reportgen");
    expect(copies(run)).toBe(0);
    expect(failing(run)).toEqual([NONE_STARTING]);
    nextMinute(run);
    expect(copies(run)).toBe(1);
    expect(failing(run)).toEqual([NONE_RUNNING, NONE_STARTING]);
  });

  it("is not solved by killing first and fixing later if cron got in between", async () => {
    const run = startScenario(SLUG, 10);
    await type(run, "sudo pkill reportgen");
    nextMinute(run);
    await type(run, `sudo rm ${CRON_FILE}`);
    expect(failing(run)).toEqual([NONE_RUNNING]);
  });

  it("is not solved by stopping cron, which does not even stop the copies (KillMode=process)", async () => {
    const run = startScenario(SLUG, 11);
    const n = copies(run);
    await type(run, "sudo systemctl stop cron");
    expect(copies(run)).toBe(n);
    expect(failing(run)).toEqual([NONE_RUNNING, CRON, OTHERS]);
    await type(run, "sudo pkill reportgen");
    expect(failing(run)).toEqual([CRON, OTHERS]);
  });

  it("is not solved by deleting the program and its data", async () => {
    const run = startScenario(SLUG, 12);
    await type(run, "sudo pkill reportgen", "sudo rm -rf /opt/reports");
    nextMinute(run);
    expect(failing(run)).toEqual([INTACT]);
  });

  it("varies by seed, reproduces, and survives save and restore", async () => {
    expectSeeded(SLUG);
    const run = startScenario(SLUG, 21);
    const again = restarted(run);
    expect(copies(again)).toBe(copies(run));
    for (const line of again.scenario.referenceFix(again.session.host)) await type(again, line);
    expect(judge(again.scenario, again.session.host).solved).toBe(true);
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  });
});
