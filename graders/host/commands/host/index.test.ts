import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("host and nslookup", () => {
  it("host resolves through the search list and reverse-maps addresses", async () => {
    const s = baseSession();
    expect(await s.run("host ip-10-0-1-17")).toEqual({ stdout: "ip-10-0-1-17.ec2.internal has address 10.0.1.17\n", stderr: "", exitCode: 0 });
    expect((await s.run("host 10.0.1.17")).stdout).toBe("17.1.0.10.in-addr.arpa domain name pointer ip-10-0-1-17.ec2.internal.\n");
    expect(await s.run("host nope.ec2.internal")).toEqual({ stdout: "", stderr: "Host nope.ec2.internal not found: 3(NXDOMAIN)\n", exitCode: 1 });
  });

  it("nslookup prints the server banner and the non-authoritative answer", async () => {
    const s = baseSession();
    expect((await s.run("nslookup ip-10-0-1-17.ec2.internal")).stdout).toBe(
      "Server:\t\t10.0.0.2\nAddress:\t10.0.0.2#53\n\nNon-authoritative answer:\nName:\tip-10-0-1-17.ec2.internal\nAddress: 10.0.1.17\n\n",
    );
    const nx = await s.run("nslookup nope.ec2.internal");
    expect(nx.exitCode).toBe(1);
    expect(nx.stdout).toBe("Server:\t\t10.0.0.2\nAddress:\t10.0.0.2#53\n\n** server can't find nope.ec2.internal: NXDOMAIN\n\n");
  });
});
