import { describe, expect, it } from "vitest";
import { baseSession, runAll } from "../../testkit.ts";

describe("rm", () => {
  it("removes a dangling symlink itself", async () => {
    const s = baseSession();
    await s.run("ln -s /opt/gone/config.yml /tmp/config.yml");
    expect(await s.run("rm -v /tmp/config.yml")).toEqual({ stdout: "removed '/tmp/config.yml'\n", stderr: "", exitCode: 0 });
    expect((await s.run("ls -A /tmp")).stdout).toBe("");
  });

  it("prints GNU's messages", async () => {
    const s = baseSession();
    await runAll(s, "mkdir -p /tmp/d/e", "touch /tmp/d/e/f", "mkdir /tmp/x");
    expect((await s.run("rm /nope")).stderr).toBe("rm: cannot remove '/nope': No such file or directory\n");
    expect((await s.run("rm -f /nope")).exitCode).toBe(0);
    expect((await s.run("rm /tmp/d")).stderr).toBe("rm: cannot remove '/tmp/d': Is a directory\n");
    expect((await s.run("rm -d /tmp/d")).stderr).toBe("rm: cannot remove '/tmp/d': Directory not empty\n");
    expect((await s.run("rm /etc/hostname")).stderr).toBe("rm: cannot remove '/etc/hostname': Permission denied\n");
    expect((await s.run("rm")).stderr).toBe("rm: missing operand\nTry 'rm --help' for more information.\n");
    expect((await s.run("rm -q x")).stderr).toBe("rm: invalid option -- 'q'\nTry 'rm --help' for more information.\n");
    expect((await s.run("rm -rf /")).stderr).toBe("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
    expect((await s.run("cd /tmp && rm -r .")).stderr).toBe("rm: refusing to remove '.' or '..' directory: skipping '.'\n");
    expect(await s.run("rm -rv /tmp/d")).toEqual({ stdout: "removed '/tmp/d/e/f'\nremoved directory '/tmp/d/e'\nremoved directory '/tmp/d'\n", stderr: "", exitCode: 0 });
    expect(await s.run("rm -dv /tmp/x")).toEqual({ stdout: "removed directory '/tmp/x'\n", stderr: "", exitCode: 0 });
  });

  // fts visits entries in directory order, which on the model is creation order.
  it("reports each entry it cannot remove in a tree it does not own", async () => {
    const s = baseSession();
    await runAll(s, "sudo mkdir -p /srv/t/sub", "sudo touch /srv/t/a");
    expect(await s.run("rm -r /srv/t")).toEqual({ stdout: "", stderr: "rm: cannot remove '/srv/t/sub': Permission denied\nrm: cannot remove '/srv/t/a': Permission denied\n", exitCode: 1 });
  });
});
