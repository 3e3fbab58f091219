import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";
import { normaliseGrepArgs } from "./grep-args.ts";

/** GNU grep usage just-bash's grep does not parse by itself (golden/cases.ts checks the outputs byte for byte). */
describe("grep as GNU grep 3.8 parses it", () => {
  it("joins every -e / --regexp / clustered -ePAT into one pattern list", () => {
    expect(normaliseGrepArgs(["-i", "-e", "error", "-e", "warn", "app.log"]).args).toEqual(["-e", "error\nwarn", "-i", "app.log"]);
    expect(normaliseGrepArgs(["-ie", "a", "--regexp=b", "-ec", "f"]).args).toEqual(["-e", "a\nb\nc", "-i", "f"]);
    expect(normaliseGrepArgs(["-nA2", "-m1", "x"]).args).toEqual(["-n", "-A", "2", "-m", "1", "x"]);
    expect(normaliseGrepArgs(["-rsn", "--color=auto", "x"])).toEqual({ args: ["-r", "-n", "x"], quietErrors: true });
    expect(normaliseGrepArgs(["-e"]).error).toBe("grep: option requires an argument -- 'e'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
  });

  it("matches any of several -e patterns, counting each line once", async () => {
    const s = baseSession();
    await s.run("printf 'INFO a\\nWARN b\\nERROR c\\nwarn d\\n' > /tmp/l");
    expect((await s.run("grep -e ERROR -e WARN /tmp/l")).stdout).toBe("WARN b\nERROR c\n");
    expect((await s.run("grep -ic -e error -e warn /tmp/l")).stdout).toBe("3\n");
    expect((await s.run("grep -v -e INFO -e warn /tmp/l")).stdout).toBe("WARN b\nERROR c\n");
  });

  it("walks directories for -r, warning about the ones it cannot read", async () => {
    const s = baseSession();
    await s.run("mkdir -p d/locked d/ok && echo hit > d/ok/f && echo hit > d/locked/g && chmod 000 d/locked");
    const r = await s.run("grep -r hit d");
    expect(r).toMatchObject({ stdout: "d/ok/f:hit\n", stderr: "grep: d/locked: Permission denied\n", exitCode: 2 });
    expect(await s.run("grep -rs hit d")).toMatchObject({ stdout: "d/ok/f:hit\n", stderr: "", exitCode: 2 });
    expect(await s.run("grep -rq hit d")).toMatchObject({ exitCode: 0 });
  });

  it("follows symlinks below a directory only with -R", async () => {
    const s = baseSession();
    await s.run("mkdir -p d e && echo hit > e/f && ln -s ../e d/link");
    expect(await s.run("grep -r hit d")).toMatchObject({ stdout: "", exitCode: 1 });
    expect((await s.run("grep -R hit d")).stdout).toBe("d/link/f:hit\n");
    expect((await s.run("grep -rl hit /home/admin/e/")).stdout).toBe("/home/admin/e/f\n");
  });

  it("names files with -H even for one file or standard input", async () => {
    const s = baseSession();
    await s.run("echo hit > f");
    expect((await s.run("grep -Hc hit f")).stdout).toBe("f:1\n");
    expect((await s.run("cat f | grep -H hit")).stdout).toBe("(standard input):hit\n");
  });
});
