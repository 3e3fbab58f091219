import { describe, expect, it } from "vitest";
import { USR_BIN } from "../state/base/binaries.ts";
import { PACKAGE_COMMANDS } from "../net/packages.ts";
import { baseSession } from "../testkit.ts";
import { HOST_COMMANDS, JUST_BASH_BUILTINS, SHELL_BUILTIN_COMMANDS } from "./registry.ts";

describe("command registry", () => {
  it("has a /usr/bin binary for every command the shell can run, except bash builtins", () => {
    const names = [...JUST_BASH_BUILTINS, ...HOST_COMMANDS.map((c) => c.name)].filter((n) => !SHELL_BUILTIN_COMMANDS.includes(n));
    // Tools from packages a scenario installs (iptables, net-tools, ...) are checked by net/packages.ts.
    expect(names.filter((n) => !(n in USR_BIN) && !(n in PACKAGE_COMMANDS))).toEqual([]);
  });

  it("finds commands through their files on $PATH", async () => {
    const s = baseSession();
    expect((await s.run("which ps")).stdout).toBe("/usr/bin/ps\n");
    expect((await s.run("ls -l /usr/bin/sudo")).stdout).toMatch(/^-rwsr-xr-x 1 root root 281624 /);
    expect((await s.run("ls /usr/bin | grep -c prodloop")).stdout).toBe("0\n");
    expect((await s.run("mawk 'BEGIN { print 6 * 7 }'")).stdout).toBe("42\n");
    await s.run("sudo rm /usr/bin/free");
    expect((await s.run("free")).stderr).toBe("-bash: free: command not found\n");
  });
});
