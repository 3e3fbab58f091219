import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("mkdir", () => {
  it("quotes like GNU mkdir in C.UTF-8: ‘…’ in errors, '…' with -v", async () => {
    const s = baseSession();
    expect(await s.run("mkdir /etc/x")).toEqual({ stdout: "", stderr: "mkdir: cannot create directory ‘/etc/x’: Permission denied\n", exitCode: 1 });
    expect(await s.run("mkdir -v /tmp/a /tmp/a")).toEqual({ stdout: "mkdir: created directory '/tmp/a'\n", stderr: "mkdir: cannot create directory ‘/tmp/a’: File exists\n", exitCode: 1 });
    expect((await s.run("mkdir /nonexist/a")).stderr).toBe("mkdir: cannot create directory ‘/nonexist/a’: No such file or directory\n");
    expect((await s.run("mkdir")).stderr).toBe("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    expect((await s.run("mkdir -m 999 /tmp/x")).stderr).toBe("mkdir: invalid mode ‘999’\n");
  });

  it("creates parents with -p, applies -m to the last one only, and reports the failing component", async () => {
    const s = baseSession();
    expect((await s.run("mkdir -pv /tmp/p/a/b")).stdout).toBe("mkdir: created directory '/tmp/p'\nmkdir: created directory '/tmp/p/a'\nmkdir: created directory '/tmp/p/a/b'\n");
    expect((await s.run("mkdir -p -m 700 /tmp/q/r && stat -c '%a %n' /tmp/q /tmp/q/r")).stdout).toBe("755 /tmp/q\n700 /tmp/q/r\n");
    expect((await s.run("mkdir -p /tmp/p/a/b")).exitCode).toBe(0);
    expect((await s.run("mkdir -p /etc/hostname/x")).stderr).toBe("mkdir: cannot create directory ‘/etc/hostname’: Not a directory\n");
    expect((await s.run("mkdir -p /etc/zz/yy")).stderr).toBe("mkdir: cannot create directory ‘/etc/zz’: Permission denied\n");
  });
});
