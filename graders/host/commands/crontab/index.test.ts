import { describe, expect, it } from "vitest";
import { baseSession, runAll } from "../../testkit.ts";

describe("crontab", () => {
  it("installs a checked table for the caller, lists it, and removes it", async () => {
    const s = baseSession();
    expect(await s.run("crontab -l")).toEqual({ stdout: "", stderr: "no crontab for admin\n", exitCode: 1 });
    await runAll(s, "printf '# nightly\\n30 2 * * * /usr/bin/true\\n' > /tmp/mine");
    expect(await s.run("crontab /tmp/mine")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect((await s.run("crontab -l")).stdout).toBe("# nightly\n30 2 * * * /usr/bin/true\n");
    expect((await s.run("sudo ls -l /var/spool/cron/crontabs")).stdout).toMatch(/^-rw------- 1 admin crontab +\d+ .* admin$/m);
    expect((await s.run("ls -ld /var/spool/cron/crontabs")).stdout).toMatch(/^drwx-wx--T 2 root crontab /);
    expect(await s.run("ls /var/spool/cron/crontabs")).toEqual({ stdout: "", stderr: "ls: cannot open directory '/var/spool/cron/crontabs': Permission denied\n", exitCode: 2 });
    expect(await s.run("crontab -r")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect((await s.run("crontab -r")).stderr).toBe("no crontab for admin\n");
  });

  it("refuses a table with cron's error and line number, and one without a final newline", async () => {
    const s = baseSession();
    await runAll(s, "cd /tmp", "printf '* * * * * /bin/true\\n61 * * * * /bin/true\\n' > bad");
    expect(await s.run("crontab bad")).toEqual({ stdout: "", stderr: "\"bad\":2: bad minute\nerrors in crontab file, can't install.\n", exitCode: 1 });
    expect((await s.run("echo '* * * 13 * /bin/true' | crontab -")).stderr).toBe("\"-\":1: bad month\nerrors in crontab file, can't install.\n");
    expect((await s.run("printf '* * * * * /bin/true' | crontab -")).stderr).toBe("new crontab file is missing newline before EOF, can't install.\n");
    expect((await s.run("crontab /tmp/nope")).stderr).toBe("/tmp/nope: No such file or directory\n");
    expect((await s.run("crontab -l")).exitCode).toBe(1);
  });

  it("words usage errors and -u as Debian's crontab does", async () => {
    const s = baseSession();
    const usage = "usage:\tcrontab [-u user] file\n\tcrontab [ -u user ] [ -i ] { -e | -l | -r }\n\t\t(default operation is replace, per 1003.2)\n\t-e\t(edit user's crontab)\n\t-l\t(list user's crontab)\n\t-r\t(delete user's crontab)\n\t-i\t(prompt before deleting user's crontab)\n";
    expect(await s.run("crontab")).toEqual({ stdout: "", stderr: `crontab: usage error: file name must be specified for replace\n${usage}`, exitCode: 1 });
    expect((await s.run("crontab -x")).stderr).toBe(`crontab: invalid option -- 'x'\ncrontab: usage error: unrecognized option\n${usage}`);
    expect((await s.run("crontab -l -r")).stderr).toBe(`crontab: usage error: only one operation permitted\n${usage}`);
    expect((await s.run("crontab -u admin -l")).stderr).toBe("must be privileged to use -u\n");
    expect((await s.run("sudo crontab -u nosuch -l")).stderr).toBe("crontab: user `nosuch' unknown\n");
    expect((await s.run("sudo crontab -u root -l")).stderr).toBe("no crontab for root\n");
  });

  it("hands the table to cron, which runs it as the user within the minute", async () => {
    const s = baseSession();
    s.host.advance(30_000);
    await runAll(s, "echo '* * * * * /usr/bin/true' | crontab -");
    s.host.advance(60_000);
    const lines = s.host.state.journal.filter((e) => e.ident === "CRON").map((e) => e.message);
    expect(lines).toContain("(admin) CMD (/usr/bin/true)");
    expect(lines).toContain("pam_unix(cron:session): session opened for user admin(uid=1000) by (uid=0)");
  });
});
