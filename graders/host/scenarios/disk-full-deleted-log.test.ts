import { describe, expect, it } from "vitest";
import { judge, startScenario } from "./runtime.ts";
import { failing, type, restarted } from "./testkit.ts";

const SEEDS = [1, 2, 3, 42, 1234];


describe("scenario disk-full-deleted-log", () => {
  it.each(SEEDS)("starts broken the way the statement says (seed %i)", async (seed) => {
    const run = startScenario("disk-full-deleted-log", seed);
    expect(failing(run)).toEqual(["Disk usage on / is below 90%", "http://localhost:8080/health answers 200"]);
    // df says full, du cannot find it, and only root can see who holds it.
    expect(await type(run, "df -h /")).toMatch(/\/dev\/vda1 +20G +19G +0 100% \/\n/);
    const du = await type(run, "sudo du -sm /var/log/app");
    expect(Number(du.split("\t")[0])).toBeLessThan(200);
    expect(await type(run, "ls /var/log/app")).not.toMatch(/^app\.log$/m);
    expect(await type(run, "lsof +L1")).toBe("");
    expect(await type(run, "sudo lsof +L1")).toMatch(/^app-serve +\d+ app +3w +REG +254,1 +\d{11} +0 +\d+ \/var\/log\/app\/app\.log \(deleted\)$/m);
    expect(await type(run, "journalctl -u app -n 1")).toMatch(/app-server\[\d+\]: ERROR write \/var\/log\/app\/app\.log: no space left on device\n$/);
  });

  it.each(SEEDS)("is solved by the reference fix (seed %i)", async (seed) => {
    const run = startScenario("disk-full-deleted-log", seed);
    for (const line of run.scenario.referenceFix(run.session.host)) expect((await run.session.run(line)).exitCode).toBe(0);
    expect(judge(run.scenario, run.session.host)).toEqual({
      solved: true,
      checks: [
        { name: "Disk usage on / is below 90%", ok: true },
        { name: "app.service is running", ok: true },
        { name: "http://localhost:8080/health answers 200", ok: true },
      ],
    });
    // And it stays solved while the new log grows for a few minutes.
    run.session.host.advance(5 * 60_000);
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is solved by truncating the deleted file through /proc/PID/fd/N, without a restart", async () => {
    const run = startScenario("disk-full-deleted-log", 7);
    const pid = run.session.host.state.units["app.service"]!.mainPid!;
    const fd = (await type(run, `sudo ls -l /proc/${pid}/fd`));
    expect(fd).toContain("/var/log/app/app.log (deleted)");
    expect((await run.session.run(`sudo truncate -s 0 /proc/${pid}/fd/3`)).exitCode).toBe(0);
    expect(run.session.host.state.units["app.service"]!.mainPid).toBe(pid);
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is also solved by emptying it with a shell redirect through /proc", async () => {
    const run = startScenario("disk-full-deleted-log", 8);
    const pid = run.session.host.state.units["app.service"]!.mainPid!;
    await type(run, `sudo sh -c ': > /proc/${pid}/fd/3'`);
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("is not solved by deleting the rotated logs", async () => {
    const run = startScenario("disk-full-deleted-log", 5);
    await type(run, "sudo rm /var/log/app/app.log.1 /var/log/app/app.log.2.gz /var/log/app/app.log.3.gz /var/log/app/app.log.4.gz /var/log/app/app.log.5.gz");
    expect(await type(run, "ls /var/log/app")).toBe("");
    expect(failing(run)).toContain("Disk usage on / is below 90%");
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  });

  it("is not solved by stopping the app, and the permission wall holds without sudo", async () => {
    const run = startScenario("disk-full-deleted-log", 6);
    expect(await type(run, "systemctl restart app")).toContain("Interactive authentication required.");
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
    await type(run, "sudo systemctl stop app");
    expect(failing(run)).toEqual(["app.service is running", "http://localhost:8080/health answers 200"]);
  });

  it("a kill -9 counts as a restart: systemd brings app.service back (Restart=always)", async () => {
    const run = startScenario("disk-full-deleted-log", 9);
    const pid = run.session.host.state.units["app.service"]!.mainPid!;
    await type(run, `sudo kill -9 ${pid}`, "true");
    const unit = run.session.host.state.units["app.service"]!;
    expect(unit.mainPid).not.toBe(pid);
    expect(unit.restarts).toBe(1);
    expect(await type(run, "journalctl -u app -n 20")).toContain("app.service: Main process exited, code=killed, status=9/KILL");
    expect(judge(run.scenario, run.session.host).solved).toBe(true);
  });

  it("varies the details by seed and reproduces them for the same seed", () => {
    const a = startScenario("disk-full-deleted-log", 11).session.host;
    const b = startScenario("disk-full-deleted-log", 11).session.host;
    const c = startScenario("disk-full-deleted-log", 12).session.host;
    expect(a.serialize()).toBe(b.serialize());
    expect(a.serialize()).not.toBe(c.serialize());
  });

  it("survives save and restore mid-investigation, in well under 1 MB", async () => {
    const run = startScenario("disk-full-deleted-log", 21);
    await type(run, "cd /var/log/app", "FOUND=$(sudo lsof +L1 | grep -c deleted)");
    const again = restarted(run);
    expect(await type(again, "echo $FOUND $PWD")).toBe("1 /var/log/app\n");
    expect(judge(again.scenario, again.session.host).solved).toBe(false);
    await type(again, "sudo systemctl restart app.service");
    expect(judge(again.scenario, again.session.host).solved).toBe(true);
    // The original run is untouched by what happened on the restored copy.
    expect(judge(run.scenario, run.session.host).solved).toBe(false);
  });
});
