import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("id, whoami, hostname", () => {
  it("prints the login user's identity with Debian's default groups", async () => {
    const s = baseSession();
    expect((await s.run("id")).stdout).toBe(
      "uid=1000(admin) gid=1000(admin) groups=1000(admin),4(adm),20(dialout),24(cdrom),25(floppy),27(sudo),29(audio),30(dip),44(video),46(plugdev),106(netdev)\n",
    );
    expect((await s.run("id -un")).stdout).toBe("admin\n");
    expect((await s.run("id -Gn")).stdout).toBe("admin adm dialout cdrom floppy sudo audio dip video plugdev netdev\n");
    expect((await s.run("id www-data")).stdout).toBe("uid=33(www-data) gid=33(www-data) groups=33(www-data)\n");
    expect((await s.run("id ghost"))).toEqual({ stdout: "", stderr: "id: 'ghost': no such user\n", exitCode: 1 });
  });

  it("follows sudo", async () => {
    const s = baseSession();
    expect((await s.run("sudo id")).stdout).toBe("uid=0(root) gid=0(root) groups=0(root)\n");
    expect((await s.run("whoami; sudo whoami")).stdout).toBe("admin\nroot\n");
  });

  it("prints and guards the host name", async () => {
    const s = baseSession();
    expect((await s.run("hostname")).stdout).toBe("web-01\n");
    expect((await s.run("hostname other")).stderr).toBe("hostname: you must be root to change the host name\n");
    expect((await s.run("hostname -I")).stdout).toMatch(/^10\.0\.1\.\d+ \n$/);
  });
});
