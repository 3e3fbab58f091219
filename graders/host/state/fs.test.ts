import { describe, expect, it } from "vitest";
import { createBaseHost } from "./debian.ts";
import { Host } from "./host.ts";
import * as fs from "./fs.ts";
import { mountUsage } from "./usage.ts";
import { credFor, userByName } from "./users.ts";
import { spawn } from "./procs.ts";

const base = () => new Host(createBaseHost({ seed: 7, hostname: "web-01", nowMs: Date.UTC(2026, 10, 25, 9, 0), rootGiB: 20 }));

describe("host filesystem model", () => {
  it("enforces permissions for admin and lets root through", () => {
    const host = base();
    const admin = credFor(host.state, userByName(host.state, "admin")!);
    fs.createFile(host.state, fs.ROOT, "/root/secret", "x", { mode: 0o600 });
    expect(() => fs.readFile(host.state, admin, "/root/secret")).toThrow(/EACCES/);
    expect(() => fs.createFile(host.state, admin, "/etc/x", "")).toThrow(/EACCES/);
    expect(fs.readFile(host.state, fs.ROOT, "/root/secret").inode.text).toBe("x");
  });

  it("keeps a deleted file's blocks while a process holds it open, frees them on exit", () => {
    const host = base();
    const root = host.state.fs.mounts[0]!;
    const before = mountUsage(host.state.fs, root).usedBlocks;
    const inode = fs.createFile(host.state, fs.ROOT, "/var/log/big.log", "");
    inode.genBytes = 1024 * 1024 * 1024;
    inode.gen = { name: "access-log", params: { startMs: 0, stepMs: 40, seed: 1 } };
    const proc = spawn(host.state, { ppid: 1, uid: 0, gid: 0, comm: "w", argv: ["w"], exe: "/w", env: {}, cwd: "/", tty: null, cpuShare: 0, vszKb: 1, rssKb: 1, rssGrowKbPerSec: 0, nice: 0, limits: { nofile: [1024, 1024], nproc: [1, 1] } });
    proc.fds["3"] = { kind: "file", ino: inode.ino, path: "/var/log/big.log", mode: "a", offset: 0 };
    fs.unlink(host.state, fs.ROOT, "/var/log/big.log");
    expect(fs.tryResolve(host.state, fs.ROOT, "/var/log/big.log")).toBeNull();
    expect(mountUsage(host.state.fs, root).usedBlocks - before).toBe(262144);
    host.terminate(proc, 15);
    expect(mountUsage(host.state.fs, root).usedBlocks).toBe(before);
  });

  it("refuses writes beyond the free space, keeping the root reserve for root", () => {
    const host = base();
    const root = host.state.fs.mounts[0]!;
    const admin = credFor(host.state, userByName(host.state, "admin")!);
    const free = root.totalBlocks - mountUsage(host.state.fs, root).usedBlocks;
    const f = fs.createFile(host.state, admin, "/tmp/fill", "");
    fs.writeInode(host.state, admin, f, (free - root.reservedBlocks) * 4096, "", "/tmp/fill");
    expect(() => fs.writeFile(host.state, admin, "/tmp/fill", "more", true)).toThrow(/ENOSPC/);
    fs.writeFile(host.state, fs.ROOT, "/tmp/root-can", "ok", false);
  });

  it("generates huge file content by range without materialising it", () => {
    const host = base();
    const inode = fs.createFile(host.state, fs.ROOT, "/var/log/huge", "");
    inode.genBytes = 40 * 1024 ** 3;
    inode.gen = { name: "access-log", params: { startMs: Date.UTC(2026, 10, 1), stepMs: 40, seed: 3 } };
    const tail = fs.readFileRange(inode, inode.genBytes - 200, 200);
    expect(tail.length).toBe(200);
    expect(tail.endsWith("ms\n")).toBe(true);
    expect(fs.readFileRange(inode, 0, 24)).toBe("2026-11-01T00:00:00.000Z");
  });

  it("counts bulk directory entries without storing them and removes them by range", () => {
    const host = base();
    const dir = fs.mkdir(host.state, fs.ROOT, "/var/lib/sessions");
    dir.bulk = [{ prefix: "sess_", start: 0, end: 1_000_000, size: 120, uid: 0, gid: 0, mode: 0o600, mtimeMs: 0, mtimeStepMs: 1000 }];
    expect(fs.countEntries(dir)).toBe(1_000_000);
    expect(fs.resolve(host.state, fs.ROOT, "/var/lib/sessions/sess_999999").inode.kind).toBe("file");
    fs.unlink(host.state, fs.ROOT, "/var/lib/sessions/sess_5");
    expect(fs.countEntries(dir)).toBe(999_999);
    expect(fs.tryResolve(host.state, fs.ROOT, "/var/lib/sessions/sess_5")).toBeNull();
    expect(fs.readdir(host.state, fs.ROOT, "/var/lib/sessions", 3).map((e) => e.name)).toEqual(["sess_0", "sess_1", "sess_2"]);
  });

  it("round-trips through JSON and stays small", () => {
    const host = base();
    const json = host.serialize();
    expect(json.length).toBeLessThan(1_000_000);
    const again = Host.restore(json);
    expect(again.serialize()).toBe(json);
    expect(fs.readFile(again.state, fs.ROOT, "/etc/passwd").inode.text).toContain("admin:x:1000:1000:Debian:/home/admin:/bin/bash\n");
  });
});
