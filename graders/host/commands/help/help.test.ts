import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";
import { asksForHelp } from "./index.ts";

describe("--help and man", () => {
  it("prints the real tools' --help, for host commands and just-bash built-ins alike", async () => {
    const s = baseSession();
    const ls = await s.run("ls --help");
    expect(ls.exitCode).toBe(0);
    expect(ls.stdout.startsWith("Usage: ls [OPTION]... [FILE]...\nList information about the FILEs (the current directory by default).\n")).toBe(true);
    expect((await s.run("cp --help")).stdout.startsWith("Usage: cp [OPTION]... [-T] SOURCE DEST\n")).toBe(true);
    expect((await s.run("namei --help")).stdout.startsWith("\nUsage:\n namei [options] <pathname>...\n")).toBe(true);
    expect((await s.run("mount --help")).stdout.startsWith("\nUsage:\n mount [-lhV]\n")).toBe(true);
    const ip = await s.run("ip --help");
    expect(ip.exitCode).toBe(255);
    expect(ip.stderr.startsWith("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n")).toBe(true);
    expect((await s.run("systemctl --help")).stdout).toContain("Query or send control commands to the system manager.");
  });

  it("leaves --help to the command it belongs to", async () => {
    expect(asksForHelp(["-l", "--help"])).toBe(true);
    expect(asksForHelp(["ls", "--help"])).toBe(false);
    expect(asksForHelp(["--", "--help"])).toBe(false);
    const s = baseSession();
    expect((await s.run("echo --help")).stdout).toBe("--help\n");
    expect((await s.run("grep -c -- --help /etc/hostname")).stdout).toBe("0\n");
  });

  it("prints man pages as man | cat does, and says when there is none", async () => {
    const s = baseSession();
    const page = await s.run("man ls");
    expect(page.stdout.startsWith("LS(1)                            User Commands                           LS(1)\n\nNAME\n       ls - list directory contents\n\nSYNOPSIS\n       ls [OPTION]... [FILE]...\n\nDESCRIPTION\n")).toBe(true);
    expect(page.stdout.endsWith("\nGNU coreutils 9.1               September 2022                           LS(1)\n")).toBe(true);
    expect((await s.run("man 8 mount")).stdout).toMatch(/^MOUNT\(8\) +System Administration +MOUNT\(8\)\n/);
    expect((await s.run("man 5 fstab")).stdout).toMatch(/^FSTAB\(5\) +File formats +FSTAB\(5\)\n\nNAME\n       fstab - static information about the filesystems\n/);
    expect((await s.run("man fstab")).stdout).toMatch(/^FSTAB\(5\)/);
    expect((await s.run("man systemd-timesyncd")).stdout).toMatch(/^SYSTEMD-TIMESYNCD\.SERVICE\(8/);
    expect((await s.run("man 8 systemd-timesyncd")).exitCode).toBe(0);
    expect(await s.run("man nonexistent")).toEqual({ stdout: "", stderr: "No manual entry for nonexistent\n", exitCode: 16 });
    expect(await s.run("man 5 ls")).toEqual({ stdout: "", stderr: "No manual entry for ls in section 5\n", exitCode: 16 });
    expect(await s.run("man")).toEqual({ stdout: "", stderr: "What manual page do you want?\nFor example, try 'man man'.\n", exitCode: 1 });
  });
});
