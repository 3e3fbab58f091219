import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("--version and binaries the simulation does not implement", () => {
  it("prints the banner recorded from the same Debian 12 package, for host commands and just-bash built-ins alike", async () => {
    const s = baseSession();
    expect((await s.run("ls --version | head -1")).stdout).toBe("ls (GNU coreutils) 9.1\n");
    expect((await s.run("cp --version | tail -1")).stdout).toBe("Written by Torbjorn Granlund, David MacKenzie, and Jim Meyering.\n");
    expect((await s.run("ps --version")).stdout).toBe("ps from procps-ng 4.0.2\n");
    expect((await s.run("systemctl --version | head -1")).stdout).toMatch(/^systemd 252 \(252\.\d+-1~deb12u\d+\)\n$/);
    // bash builtins answer for themselves.
    expect((await s.run("echo --version")).stdout).toBe("--version\n");
  });

  it("says plainly when a binary on the host is not simulated, instead of running it as a script", async () => {
    const s = baseSession();
    const r = await s.run("vim.basic /etc/hosts");
    expect(r).toEqual({ stdout: "", stderr: "vim.basic: not simulated on this practice host; try another tool\n", exitCode: 1 });
  });
});
