import { describe, expect, it } from "vitest";
import * as fs from "../../state/fs.ts";
import { baseSession } from "../../testkit.ts";

describe("head and tail", () => {
  it("print the first and last lines, +N and -N forms, and bytes", async () => {
    const s = baseSession();
    fs.createFile(s.host.state, fs.ROOT, "/tmp/n", Array.from({ length: 30 }, (_, i) => `line ${i + 1}\n`).join(""));
    expect((await s.run("head -n 2 /tmp/n")).stdout).toBe("line 1\nline 2\n");
    expect((await s.run("head -3 /tmp/n | tail -1")).stdout).toBe("line 3\n");
    expect((await s.run("tail -n 2 /tmp/n")).stdout).toBe("line 29\nline 30\n");
    expect((await s.run("tail -n +29 /tmp/n")).stdout).toBe("line 29\nline 30\n");
    expect((await s.run("head -n -28 /tmp/n")).stdout).toBe("line 1\nline 2\n");
    expect((await s.run("tail -c 3 /tmp/n")).stdout).toBe("30\n");
    expect((await s.run("printf 'a\\nb\\nc' | tail -n 2")).stdout).toBe("b\nc");
    expect((await s.run("tail /tmp/n | wc -l")).stdout).toBe("10\n");
  });

  it("read the end of a 40 GB log by range", async () => {
    const s = baseSession();
    const f = fs.createFile(s.host.state, fs.ROOT, "/var/tmp/huge.log", "");
    f.genBytes = 40 * 1024 ** 3;
    f.gen = { name: "access-log", params: { startMs: Date.UTC(2026, 10, 1), stepMs: 40, seed: 1 } };
    const r = await s.run("tail -n 1 /var/tmp/huge.log");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO  req_id=[0-9a-f]{8} GET .*ms\n$/);
    expect((await s.run("head -c 24 /var/tmp/huge.log")).stdout).toBe("2026-11-01T00:00:00.000Z");
  });

  it("word errors like coreutils, with headers for several files", async () => {
    const s = baseSession();
    expect(await s.run("tail /nope")).toEqual({ stdout: "", stderr: "tail: cannot open '/nope' for reading: No such file or directory\n", exitCode: 1 });
    expect((await s.run("head /root/x")).stderr).toBe("head: cannot open '/root/x' for reading: Permission denied\n");
    const r = await s.run("head -n 1 /etc /etc/hostname");
    expect(r.stdout).toBe("==> /etc <==\n\n==> /etc/hostname <==\nweb-01\n");
    expect(r.stderr).toBe("head: error reading '/etc': Is a directory\n");
  });
});

describe("text tools on unreadable files", () => {
  it("say why they cannot read, in each tool's wording", async () => {
    const s = baseSession();
    fs.createFile(s.host.state, fs.ROOT, "/tmp/secret", "x\n", { mode: 0o600 });
    expect((await s.run("grep x /tmp/secret /etc /nope")).stderr).toBe(
      "grep: /tmp/secret: Permission denied\ngrep: /etc: Is a directory\ngrep: /nope: No such file or directory\n",
    );
    expect((await s.run("wc -l /tmp/secret")).stderr).toBe("wc: /tmp/secret: Permission denied\n");
    expect((await s.run("sort /tmp/secret")).stderr).toBe("sort: cannot read: /tmp/secret: Permission denied\n");
    expect((await s.run("sed -n p /tmp/secret")).stderr).toBe("sed: can't read /tmp/secret: Permission denied\n");
    expect((await s.run("awk 1 /tmp/secret")).stderr).toBe("awk: cannot open /tmp/secret (Permission denied)\n");
    expect((await s.run("sudo grep -c x /tmp/secret")).stdout).toBe("1\n");
  });
});
