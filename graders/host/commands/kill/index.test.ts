import { describe, expect, it } from "vitest";
import { spawn } from "../../state/procs.ts";
import { baseSession } from "../../testkit.ts";
import type { Session } from "../../shell/session.ts";

function sleeper(s: Session, uid: number): number {
  return spawn(s.host.state, {
    ppid: 1, uid, gid: uid, comm: "sleep", argv: ["sleep", "infinity"], exe: "/usr/bin/sleep", env: {}, cwd: "/", tty: null,
    cpuShare: 0, vszKb: 5_480, rssKb: 1_000, rssGrowKbPerSec: 0, nice: 0, limits: { nofile: [1024, 1024], nproc: [1, 1] },
  }).pid;
}

describe("kill", () => {
  it("is bash's builtin at the prompt: its wording for EPERM, ESRCH and bad arguments", async () => {
    const s = baseSession();
    expect(await s.run("kill 1")).toEqual({ stdout: "", stderr: "-bash: kill: (1) - Operation not permitted\n", exitCode: 1 });
    expect((await s.run("kill 999999")).stderr).toBe("-bash: kill: (999999) - No such process\n");
    expect((await s.run("kill abc")).stderr).toBe("-bash: kill: abc: arguments must be process or job IDs\n");
    expect((await s.run("kill -FOO 1")).stderr).toBe("-bash: kill: FOO: invalid signal specification\n");
    expect((await s.run("kill")).exitCode).toBe(2);
  });

  it("is procps's kill under sudo, and root may signal anyone", async () => {
    const s = baseSession();
    const pid = sleeper(s, 0);
    expect((await s.run("sudo kill 999999")).stderr).toBe("kill: (999999): No such process\n");
    expect((await s.run(`sudo kill -9 ${pid}`)).exitCode).toBe(0);
    expect(s.host.state.procs[pid]).toBeUndefined();
  });

  it("lets a user signal their own processes; SIGSTOP and SIGCONT stop and resume", async () => {
    const s = baseSession();
    const pid = sleeper(s, 1000);
    await s.run(`kill -STOP ${pid}`);
    expect(s.host.state.procs[pid]!.state).toBe("T");
    await s.run(`kill -s CONT ${pid}`);
    expect(s.host.state.procs[pid]!.state).toBe("S");
    expect((await s.run(`kill -0 ${pid}`)).exitCode).toBe(0);
    await s.run(`kill ${pid}`);
    expect((await s.run(`kill -0 ${pid}`)).exitCode).toBe(1);
  });

  it("daemons reload on SIGHUP, and init survives even SIGKILL", async () => {
    const s = baseSession();
    const cron = Object.values(s.host.state.procs).find((p) => p.comm === "cron")!.pid;
    await s.run(`sudo kill -HUP ${cron}`);
    expect(s.host.state.procs[cron]).toBeDefined();
    await s.run("sudo kill -9 1");
    expect(s.host.state.procs[1]).toBeDefined();
    await s.run(`sudo kill ${cron}`);
    expect(s.host.state.procs[cron]).toBeUndefined();
    expect(s.host.state.units["cron.service"]!.activeState).toBe("inactive");
  });

  it("lists signals as bash does", async () => {
    const s = baseSession();
    const table = (await s.run("kill -l")).stdout.split("\n");
    expect(table[0]).toBe(" 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP");
    expect(table[6]).toBe("31) SIGSYS\t34) SIGRTMIN\t35) SIGRTMIN+1\t36) SIGRTMIN+2\t37) SIGRTMIN+3");
    expect((await s.run("kill -l 9")).stdout).toBe("KILL\n");
    expect((await s.run("kill -l TERM")).stdout).toBe("15\n");
  });
});
