import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("tee", () => {
  it("writes stdin to stdout and files, and words open errors as the kernel does", async () => {
    const s = baseSession();
    expect(await s.run("echo hi | tee /tmp/a /etc/nope")).toEqual({ stdout: "hi\n", stderr: "tee: /etc/nope: Permission denied\n", exitCode: 1 });
    expect(await s.run("echo ho | tee -a /tmp/a >/dev/null; cat /tmp/a")).toEqual({ stdout: "hi\nho\n", stderr: "", exitCode: 0 });
    expect((await s.run("echo x | sudo tee /nonexist/x")).stderr).toBe("tee: /nonexist/x: No such file or directory\n");
    expect((await s.run("echo x | tee -q")).stderr).toBe("tee: invalid option -- 'q'\nTry 'tee --help' for more information.\n");
  });
});
