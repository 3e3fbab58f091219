import { describe, expect, it } from "vitest";
import { Session } from "../../shell/session.ts";
import { baseHost } from "../../testkit.ts";
import { columns } from "./columns.ts";

describe("ls on a terminal", () => {
  it("fills columns top to bottom within the width", () => {
    const names = ["alternatives", "crontab", "debian_version", "fstab", "group", "hostname", "hosts", "motd", "passwd", "shadow"];
    expect(columns(names, 80)).toBe(
      "alternatives  debian_version  group     hosts  passwd\n" +
        "crontab       fstab           hostname  motd   shadow\n",
    );
    expect(columns(names, 30)).toBe(
      "alternatives    hostname\ncrontab         hosts\ndebian_version  motd\nfstab           passwd\ngroup           shadow\n",
    );
    expect(columns(["a"], 80)).toBe("a\n");
  });

  it("uses columns only when ls writes to the terminal itself", async () => {
    const s = new Session(baseHost(), undefined, { terminal: { columns: 80 } });
    // 24 names need 97 columns in two rows, so at 80 columns ls uses three.
    expect((await s.run("ls /")).stdout).toBe(
      "bin   etc         initrd.img.old  lost+found  opt   run   sys  var\n" +
        "boot  home        lib             media       proc  sbin  tmp  vmlinuz\n" +
        "dev   initrd.img  lib64           mnt         root  srv   usr  vmlinuz.old\n",
    );
    expect((await new Session(baseHost(), undefined, { terminal: { columns: 120 } }).run("ls /")).stdout.split("\n").length).toBe(3);
    expect((await s.run("ls / | head -2")).stdout).toBe("bin\nboot\n");
    expect((await s.run("ls -1 /boot")).stdout).toBe("efi\n");
    expect((await s.run("ls / > /tmp/l; wc -l < /tmp/l")).stdout).toBe("24\n");
  });
});
