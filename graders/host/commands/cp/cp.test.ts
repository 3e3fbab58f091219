import { describe, expect, it } from "vitest";
import { baseSession, runAll } from "../../testkit.ts";

describe("cp and mv", () => {
  it("print GNU's messages", async () => {
    const s = baseSession();
    await runAll(s, "echo a > /tmp/f", "mkdir /tmp/d");
    expect((await s.run("cp /nope /tmp")).stderr).toBe("cp: cannot stat '/nope': No such file or directory\n");
    expect((await s.run("cp /etc/hostname /etc/x")).stderr).toBe("cp: cannot create regular file '/etc/x': Permission denied\n");
    expect((await s.run("cp /etc/shadow /tmp/")).stderr).toBe("cp: cannot open '/etc/shadow' for reading: Permission denied\n");
    expect((await s.run("cp /tmp/d /tmp/e")).stderr).toBe("cp: -r not specified; omitting directory '/tmp/d'\n");
    expect((await s.run("cp /tmp/f /tmp/f")).stderr).toBe("cp: '/tmp/f' and '/tmp/f' are the same file\n");
    expect((await s.run("cp /tmp/f")).stderr).toBe("cp: missing destination file operand after '/tmp/f'\nTry 'cp --help' for more information.\n");
    expect((await s.run("cp /tmp/f /tmp/f /tmp/h")).stderr).toBe("cp: target '/tmp/h': No such file or directory\n");
    await s.run("ln -s /nonexist/zz /tmp/dl");
    expect((await s.run("cp /tmp/f /tmp/dl")).stderr).toBe("cp: not writing through dangling symlink '/tmp/dl'\n");
    expect((await s.run("mv /nope /tmp")).stderr).toBe("mv: cannot stat '/nope': No such file or directory\n");
    expect((await s.run("mv /etc/hostname /tmp/")).stderr).toBe("mv: cannot move '/etc/hostname' to '/tmp/hostname': Permission denied\n");
  });

  it("copies files and trees, and moves within and across filesystems", async () => {
    const s = baseSession();
    await runAll(s, "echo a > /tmp/f", "mkdir /tmp/d", "echo b > /tmp/d/g");
    expect((await s.run("cp -v /tmp/f /tmp/d")).stdout).toBe("'/tmp/f' -> '/tmp/d/f'\n");
    expect((await s.run("cd /tmp && cp -rv d e")).stdout).toBe("'d' -> 'e'\n'd/g' -> 'e/g'\n'd/f' -> 'e/f'\n");
    expect((await s.run("cat /tmp/e/g /tmp/e/f")).stdout).toBe("b\na\n");
    expect((await s.run("cd /tmp && mv -v f h")).stdout).toBe("renamed 'f' -> 'h'\n");
    expect((await s.run("cd /tmp && mv -v h /dev/shm/")).stdout).toBe("copied 'h' -> '/dev/shm/h'\nremoved 'h'\n");
    expect((await s.run("cat /dev/shm/h; ls /tmp")).stdout).toBe("a\nd\ndl\ne\n".replace("dl\n", ""));
    expect((await s.run("sudo cp -a /etc/shadow /tmp/s && stat -c '%U %a' /tmp/s")).stdout).toBe("root 640\n");
  });
});
