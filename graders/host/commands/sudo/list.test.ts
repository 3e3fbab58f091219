import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("sudo -l", () => {
  it("lists the sudo group rule and cloud-init's NOPASSWD rule for admin, as sudo 1.9.13 does", async () => {
    const s = baseSession();
    expect(await s.run("sudo -l")).toEqual({
      stdout:
        "Matching Defaults entries for admin on web-01:\n" +
        "    env_reset, mail_badpass, secure_path=/usr/local/sbin\\:/usr/local/bin\\:/usr/sbin\\:/usr/bin\\:/sbin\\:/bin, use_pty\n\n" +
        "User admin may run the following commands on web-01:\n    (ALL : ALL) ALL\n    (ALL) NOPASSWD: ALL\n",
      stderr: "",
      exitCode: 0,
    });
  });
});
