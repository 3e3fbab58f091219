import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("vmstat and crontab", () => {
  it("vmstat prints its two headers and one aligned line per sample, moving the clock", async () => {
    const s = baseSession();
    const t0 = s.host.now;
    const lines = (await s.run("vmstat 1 3")).stdout.split("\n");
    expect(lines[0]).toBe("procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----");
    expect(lines[1]).toBe(" r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st");
    expect(lines.slice(2, 5).every((l) => /^ +\d+ +\d+ +0 +\d+ +\d+ +\d+ +0 +0 +\d+ +\d+ +\d+ +\d+ +\d+ +\d+ +\d+ +\d+ +0$/.test(l))).toBe(true);
    // 7-digit free memory and a 100 % idle column overflow their widths, as on a real idle 2 GB VM.
    expect(lines[2]).toMatch(/^ 1  0      0 \d{7}  40212 \d{6}    0    0     2     9   38   71  0  0 100  0  0$/);
    expect(s.host.now - t0).toBeGreaterThanOrEqual(2000);
  });

  it("crontab -l reports an empty table as cron does", async () => {
    const s = baseSession();
    expect(await s.run("crontab -l")).toEqual({ stdout: "", stderr: "no crontab for admin\n", exitCode: 1 });
    expect((await s.run("crontab -l -u root")).stderr).toBe("must be privileged to use -u\n");
  });
});
