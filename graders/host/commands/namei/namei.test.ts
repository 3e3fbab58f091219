import { describe, expect, it } from "vitest";
import { baseSession, runAll } from "../../testkit.ts";

describe("namei", () => {
  it("expands symlinks one level deeper and stops at the missing component, as util-linux prints it", async () => {
    const s = baseSession();
    await runAll(s, "mkdir -p /tmp/rel/a", "echo x > /tmp/rel/a/c.yml", "ln -s rel/a /tmp/cur", "ln -s /tmp/cur/c.yml /tmp/good", "ln -s /tmp/rel/gone/c.yml /tmp/bad");
    expect(await s.run("namei /tmp/bad")).toEqual({
      stdout: "f: /tmp/bad\n d /\n d tmp\n l bad -> /tmp/rel/gone/c.yml\n   d /\n   d tmp\n   d rel\n     gone - No such file or directory\n",
      stderr: "", exitCode: 1,
    });
    expect((await s.run("namei -l /tmp/good")).stdout).toBe([
      "f: /tmp/good",
      "drwxr-xr-x root  root  /",
      "drwxrwxrwt root  root  tmp",
      "lrwxrwxrwx admin admin good -> /tmp/cur/c.yml",
      "drwxr-xr-x root  root    /",
      "drwxrwxrwt root  root    tmp",
      "lrwxrwxrwx admin admin   cur -> rel/a",
      "drwxr-xr-x admin admin     rel",
      "drwxr-xr-x admin admin     a",
      "-rw-r--r-- admin admin   c.yml",
      "",
    ].join("\n"));
    expect((await s.run("namei -l /nonexist/x")).stdout).toBe("f: /nonexist/x\ndrwxr-xr-x root root /\n                     nonexist - No such file or directory\n");
  });

  it("marks mount points with -x, skips links with -n, and reports bad usage", async () => {
    const s = baseSession();
    expect((await s.run("namei -x /run/lock")).stdout).toBe("f: /run/lock\n D /\n D run\n D lock\n");
    expect((await s.run("namei -n /bin/ls")).stdout).toBe("f: /bin/ls\n d /\n l bin -> usr/bin\n - ls\n");
    expect(await s.run("namei")).toEqual({ stdout: "", stderr: "namei: pathname argument is missing\nTry 'namei --help' for more information.\n", exitCode: 1 });
    expect((await s.run("namei -q /")).stderr).toBe("namei: invalid option -- 'q'\nTry 'namei --help' for more information.\n");
    expect((await s.run("namei /root/x")).stdout).toBe("f: /root/x\n d /\n d root\n   x - Permission denied\n");
  });
});
