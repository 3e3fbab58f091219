import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";
import { ROOT, unlink } from "../../state/fs.ts";

/** The session's login and the host's boot, as `last` should list them. */
async function setup() {
  const s = baseSession();
  const login = s.host.state.login!;
  const boot = new Date(Math.floor(s.host.state.clock.bootMs / 1000) * 1000);
  return { s, login, boot };
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** ctime(3) without the seconds and year unless full. */
const ctime = (d: Date, full = false): string => {
  const hms = d.toISOString().slice(11, 19);
  const base = `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hms.slice(0, 5)}`;
  return full ? `${base}${hms.slice(5)} ${d.getUTCFullYear()}` : base;
};

describe("last", () => {
  it("lists the ssh login still logged in, the boot still running, and when wtmp begins", async () => {
    const { s, login, boot } = await setup();
    const out = (await s.run("last")).stdout;
    expect(out).toBe(
      `admin    pts/0        ${login.from.padEnd(16)} ${ctime(new Date(login.atMs))}   still logged in\n` +
        `reboot   system boot  6.1.0-27-cloud-a ${ctime(boot)}   still running\n` +
        `\nwtmp begins ${ctime(boot, true)}\n`,
    );
  });

  it("limits with -n N / -N, filters by user or tty, adds the runlevel with -x", async () => {
    const { s } = await setup();
    expect((await s.run("last -n 1")).stdout).toMatch(/^admin {4}pts\/0 .*still logged in\n\nwtmp begins /);
    expect((await s.run("last -1")).stdout).toBe((await s.run("last -n1")).stdout);
    expect((await s.run("last reboot")).stdout).toMatch(/^reboot   system boot  6\.1\.0-27-cloud-a [A-Z][a-z]{2} Nov 2\d \d\d:\d\d   still running\n\nwtmp begins/);
    expect((await s.run("last pts/0")).stdout.split("\n")[0]).toMatch(/^admin /);
    expect((await s.run("last nobody")).stdout).toMatch(/^\nwtmp begins /);
    expect((await s.run("last -x")).stdout.split("\n")[1]).toMatch(/^runlevel \(to lvl 3\)   6\.1\.0-27-cloud-a .*   still running$/);
  });

  it("prints full times with -F and drops the host with -R", async () => {
    const { s } = await setup();
    expect((await s.run("last -F -n1")).stdout.split("\n")[0]).toMatch(/^admin {4}pts\/0 {8}198\.51\.100\.\d+ +[A-Z][a-z]{2} Nov 2\d \d\d:\d\d:\d\d 2026   still logged in {10}$/);
    expect((await s.run("last -R reboot")).stdout.split("\n")[0]).toMatch(/^reboot   system boot  [A-Z][a-z]{2} Nov 2\d \d\d:\d\d   still running$/);
  });

  it("reports bad usage and a missing wtmp as util-linux does", async () => {
    const { s } = await setup();
    expect(await s.run("last -z")).toMatchObject({ stderr: "last: invalid option -- 'z'\nTry 'last --help' for more information.\n", exitCode: 1 });
    expect(await s.run("last -n x")).toMatchObject({ stderr: "last: failed to parse number: 'x'\n", exitCode: 1 });
    expect((await s.run("command -v last")).stdout).toBe("/usr/bin/last\n");
    unlink(s.host.state, ROOT, "/var/log/wtmp");
    expect(await s.run("last")).toMatchObject({ stderr: "last: cannot open /var/log/wtmp: No such file or directory\n", exitCode: 1 });
  });
});
