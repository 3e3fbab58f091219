import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("cat", () => {
  it("concatenates, reads stdin for '-', and words errors per operand like GNU cat", async () => {
    const s = baseSession();
    const r = await s.run("echo in | cat /etc/hostname - /nope /etc /root/x");
    expect(r.stdout).toBe("web-01\nin\n");
    expect(r.stderr).toBe(
      "cat: /nope: No such file or directory\ncat: /etc: Is a directory\ncat: /root/x: Permission denied\n",
    );
    expect(r.exitCode).toBe(1);
  });

  it("numbers lines with -n", async () => {
    const s = baseSession();
    expect((await s.run("printf 'a\\n\\nb\\n' | cat -n")).stdout).toBe("     1\ta\n     2\t\n     3\tb\n");
  });

  it("reads /proc as the process table describes it", async () => {
    const s = baseSession();
    expect((await s.run("cat /proc/1/cmdline | tr '\\0' ' '")).stdout).toBe("/sbin/init ");
    expect((await s.run("cat /proc/1/environ")).stderr).toBe("cat: /proc/1/environ: Permission denied\n");
  });
});

describe("tr", () => {
  it("understands GNU's \\0 for NUL, the way people read /proc/PID/environ", async () => {
    const s = baseSession();
    expect((await s.run("printf 'A=1\\0B=2\\0' | tr '\\0' '\\n'")).stdout).toBe("A=1\nB=2\n");
    expect((await s.run("echo abc | tr a-z A-Z")).stdout).toBe("ABC\n");
  });
});
