import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("rmdir", () => {
  it("checks permission before emptiness, and removes parents with -p", async () => {
    const s = baseSession();
    expect((await s.run("rmdir /etc")).stderr).toBe("rmdir: failed to remove '/etc': Permission denied\n");
    expect((await s.run("rmdir /nope")).stderr).toBe("rmdir: failed to remove '/nope': No such file or directory\n");
    await s.run("mkdir -p /tmp/a/b/c && touch /tmp/a/f");
    expect((await s.run("rmdir /tmp/a")).stderr).toBe("rmdir: failed to remove '/tmp/a': Directory not empty\n");
    expect(await s.run("cd /tmp && rmdir -pv a/b/c")).toEqual({
      stdout: "rmdir: removing directory, 'a/b/c'\nrmdir: removing directory, 'a/b'\nrmdir: removing directory, 'a'\n",
      stderr: "rmdir: failed to remove 'a': Directory not empty\n", exitCode: 1,
    });
    expect((await s.run("rmdir")).stderr).toBe("rmdir: missing operand\nTry 'rmdir --help' for more information.\n");
  });
});
