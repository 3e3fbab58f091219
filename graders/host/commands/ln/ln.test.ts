import { describe, expect, it } from "vitest";
import { baseSession, runAll } from "../../testkit.ts";

describe("ln", () => {
  it("replaces a dangling symlink with -sfn, where a plain -s says File exists", async () => {
    const s = baseSession();
    await runAll(s, "ln -s /opt/gone/config.yml /tmp/config.yml");
    expect(await s.run("ln -s /etc/hostname /tmp/config.yml")).toEqual({
      stdout: "", stderr: "ln: failed to create symbolic link '/tmp/config.yml': File exists\n", exitCode: 1,
    });
    expect(await s.run("ln -sfnv /etc/hostname /tmp/config.yml")).toEqual({ stdout: "'/tmp/config.yml' -> '/etc/hostname'\n", stderr: "", exitCode: 0 });
    expect((await s.run("readlink /tmp/config.yml")).stdout).toBe("/etc/hostname\n");
    expect((await s.run("cat /tmp/config.yml")).stdout).toBe("web-01\n");
  });

  it("puts links into a directory, unless -n and the directory is a symlink", async () => {
    const s = baseSession();
    await runAll(s, "mkdir /tmp/d", "ln -s /etc/hostname /tmp/d", "ln -s /tmp/d /tmp/cur");
    expect((await s.run("readlink /tmp/d/hostname")).stdout).toBe("/etc/hostname\n");
    await s.run("ln -sfn /etc/passwd /tmp/cur");
    expect((await s.run("readlink /tmp/cur")).stdout).toBe("/etc/passwd\n");
  });

  it("prints GNU's errors", async () => {
    const s = baseSession();
    expect((await s.run("ln")).stderr).toBe("ln: missing file operand\nTry 'ln --help' for more information.\n");
    expect((await s.run("ln -q a b")).stderr).toBe("ln: invalid option -- 'q'\nTry 'ln --help' for more information.\n");
    expect((await s.run("ln /nope /tmp/x")).stderr).toBe("ln: failed to access '/nope': No such file or directory\n");
    expect((await s.run("ln -s /etc/hostname /etc/x")).stderr).toBe("ln: failed to create symbolic link '/etc/x': Permission denied\n");
    expect((await s.run("ln /tmp /tmp/t2")).stderr).toBe("ln: /tmp: hard link not allowed for directory\n");
    expect((await s.run("ln -s a b /tmp/nodir")).stderr).toBe("ln: target '/tmp/nodir': No such file or directory\n");
  });

  it("makes hard links on the same filesystem", async () => {
    const s = baseSession();
    await runAll(s, "echo hi > /tmp/a", "ln /tmp/a /tmp/b");
    expect((await s.run("stat -c %h /tmp/a")).stdout).toBe("2\n");
  });
});
