import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("getent", () => {
  it("answers hosts like glibc: IPv6 first for localhost, the hostname from /etc/hosts, DNS names from the VPC resolver", async () => {
    const s = baseSession();
    expect((await s.run("getent hosts localhost")).stdout).toBe("::1             localhost ip6-localhost ip6-loopback\n");
    expect((await s.run("getent hosts web-01")).stdout).toBe("127.0.1.1       web-01\n");
    expect((await s.run("getent hosts ip-10-0-1-17")).stdout).toBe("10.0.1.17       ip-10-0-1-17.ec2.internal\n");
    expect((await s.run("getent hosts 10.0.1.17")).stdout).toBe("10.0.1.17       ip-10-0-1-17.ec2.internal\n");
    expect((await s.run("getent ahosts localhost")).stdout).toBe(
      "::1             STREAM localhost\n::1             DGRAM  \n::1             RAW    \n127.0.0.1       STREAM \n127.0.0.1       DGRAM  \n127.0.0.1       RAW    \n",
    );
    expect((await s.run("getent ahostsv4 localhost")).stdout).toBe("127.0.0.1       STREAM localhost\n127.0.0.1       DGRAM  \n127.0.0.1       RAW    \n");
  });

  it("exits 2 for keys it cannot find and reads edits to /etc/hosts at once", async () => {
    const s = baseSession();
    expect(await s.run("getent hosts nope.example")).toEqual({ stdout: "", stderr: "", exitCode: 2 });
    await s.run("echo '10.9.9.9 nope.example nope' | sudo tee -a /etc/hosts");
    expect((await s.run("getent hosts nope")).stdout).toBe("10.9.9.9        nope.example nope\n");
    expect(await s.run("getent passwd root zz")).toEqual({ stdout: "root:x:0:0:root:/root:/bin/bash\n", stderr: "", exitCode: 2 });
    expect((await s.run("getent group 27")).stdout).toBe("sudo:x:27:admin\n");
  });

  it("words usage errors as glibc does", async () => {
    const s = baseSession();
    expect(await s.run("getent")).toEqual({ stdout: "", stderr: "getent: wrong number of arguments\nTry `getent --help' or `getent --usage' for more information.\n", exitCode: 1 });
    expect((await s.run("getent foo x")).stderr).toBe("Unknown database: foo\nTry `getent --help' or `getent --usage' for more information.\n");
  });
});
