import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("ulimit", () => {
  it("reads and lowers the login shell's own limits, as bash 5.2 prints them", async () => {
    const s = baseSession();
    expect((await s.run("ulimit -n")).stdout).toBe("1024\n");
    expect((await s.run("ulimit -Hn")).stdout).toBe("524288\n");
    expect((await s.run("ulimit")).stdout).toBe("unlimited\n");
    expect((await s.run("ulimit -a")).stdout).toMatch(/^real-time non-blocking time  \(microseconds, -R\) unlimited\n(.*\n)*open files                          \(-n\) 1024\n(.*\n)*file locks                          \(-x\) unlimited\n$/);
    expect(await s.run("ulimit -n 1048576")).toEqual({ stdout: "", stderr: "-bash: ulimit: open files: cannot modify limit: Operation not permitted\n", exitCode: 1 });
    expect((await s.run("ulimit -n 4096 && ulimit -n && ulimit -Hn")).stdout).toBe("4096\n4096\n");
    expect((await s.run("grep 'open files' /proc/$$/limits")).stdout).toBe("Max open files            4096                 4096                 files\n");
    // A second session starts from the defaults again.
    expect((await baseSession().run("ulimit -n")).stdout).toBe("1024\n");
  });
});
