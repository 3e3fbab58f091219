import { describe, expect, it } from "vitest";
import { spawn } from "../../state/procs.ts";
import { baseSession } from "../../testkit.ts";
import { freeHuman } from "./index.ts";

describe("free", () => {
  it("lays out procps-ng 4.0.2's table with every number under its header", async () => {
    const s = baseSession();
    const out = (await s.run("free")).stdout;
    const [header, mem, swap] = out.split("\n");
    expect(header).toBe("               total        used        free      shared  buff/cache   available");
    expect(mem).toMatch(/^Mem: +\d+ +\d+ +\d+ +\d+ +\d+ +\d+$/);
    expect(swap).toBe("Swap:" + " ".repeat(14) + "0           0           0");
    // Right edges line up: "total" and the Mem total both end at column 20, then every 12.
    for (const edge of [20, 32, 44, 56, 68, 80]) {
      expect(header!.charAt(edge - 1)).not.toBe(" ");
      expect(mem!.charAt(edge - 1)).not.toBe(" ");
      expect(mem!.charAt(edge)).toBe(edge === 80 ? "" : " ");
    }
    const cols = mem!.split(/ +/).slice(1).map(Number);
    const [total, used, free, , cache, avail] = cols as [number, number, number, number, number, number];
    expect(total).toBe(2014256);
    expect(used).toBe(total - avail);
    expect(free + cache).toBeLessThan(total);
  });

  it("scales -h output to binary units", () => {
    expect(freeHuman(2014256)).toBe("1.9Gi");
    expect(freeHuman(335176)).toBe("327Mi");
    expect(freeHuman(20)).toBe("20Ki");
    expect(freeHuman(0)).toBe("0B");
    expect(freeHuman(1096528)).toBe("1.0Gi");
  });

  it("shows a leaking process eating available memory as the clock moves", async () => {
    const s = baseSession();
    const availOf = async (): Promise<number> => Number((await s.run("free")).stdout.split("\n")[1]!.split(/ +/)[6]);
    const before = await availOf();
    spawn(s.host.state, {
      ppid: 1, uid: 1000, gid: 1000, comm: "leaky", argv: ["./leaky"], exe: "/home/admin/leaky", env: {}, cwd: "/", tty: null,
      cpuShare: 0.1, vszKb: 100_000, rssKb: 10_000, rssGrowKbPerSec: 1000, nice: 0, limits: { nofile: [1024, 1024], nproc: [1, 1] },
    });
    s.host.advance(300_000);
    expect(before - (await availOf())).toBeGreaterThan(250_000);
  });
});
