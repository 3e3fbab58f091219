import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("stat, date, touch, uname on the simulated clock", () => {
  it("stat prints coreutils 9.1's default layout", async () => {
    const s = baseSession();
    const out = (await s.run("stat /etc/passwd")).stdout;
    expect(out).toMatch(
      new RegExp(
        "^  File: /etc/passwd\n" +
          "  Size: 1058      \tBlocks: 8          IO Block: 4096   regular file\n" +
          "Device: 254,1\tInode: \\d+ +Links: 1\n" +
          "Access: \\(0644/-rw-r--r--\\)  Uid: \\(    0/    root\\)   Gid: \\(    0/    root\\)\n" +
          "Access: 2026-05-06 01:47:53\\.\\d{9} \\+0000\n" +
          "Modify: 2026-05-06 01:47:53\\.\\d{9} \\+0000\n" +
          "Change: 2026-05-06 01:47:53\\.\\d{9} \\+0000\n" +
          " Birth: 2026-05-06 01:47:53\\.\\d{9} \\+0000\n$",
      ),
    );
    expect((await s.run("stat -c '%U:%G %a %F' /tmp")).stdout).toBe("root:root 1777 directory\n");
    expect((await s.run("stat /nope")).stderr).toBe("stat: cannot statx '/nope': No such file or directory\n");
  });

  it("date and touch use the host's clock, not the machine's", async () => {
    const s = baseSession();
    const now = s.host.now;
    const shown = (await s.run("date +%s")).stdout.trim();
    expect(Math.abs(Number(shown) * 1000 - s.host.now)).toBeLessThan(1000);
    expect(Number(shown) * 1000).toBeGreaterThan(now);
    expect((await s.run("date -d @0")).stdout).toBe("Thu Jan  1 00:00:00 UTC 1970\n");
    expect((await s.run("date -d '2026-11-01 12:30' '+%a %d %b %Y %H:%M'")).stdout).toBe("Sun 01 Nov 2026 12:30\n");
    // Within one line the clock stands still, so touch's stamp is date's now.
    expect((await s.run("touch /tmp/stamp; stat -c %Y /tmp/stamp; date +%s")).stdout).toMatch(/^(\d+)\n\1\n$/);
    expect((await s.run("touch /etc/x")).stderr).toBe("touch: cannot touch '/etc/x': Permission denied\n");
    expect((await s.run("date -s '2020-01-01'")).stderr).toBe("date: cannot set date: Operation not permitted\n");
  });

  it("uname describes Debian 12's cloud kernel", async () => {
    const s = baseSession();
    expect((await s.run("uname -a")).stdout).toBe("Linux web-01 6.1.0-27-cloud-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01) x86_64 GNU/Linux\n");
    expect((await s.run("uname -sr")).stdout).toBe("Linux 6.1.0-27-cloud-amd64\n");
  });
});
