import { describe, expect, it } from "vitest";
import { baseSession } from "../../testkit.ts";

describe("ip", () => {
  it("prints addresses as iproute2 6.1 does, trailing space after inet6 scope included", async () => {
    const s = baseSession(7);
    const out = (await s.run("ip addr")).stdout;
    expect(out).toMatch(
      new RegExp(
        "^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n" +
          "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n" +
          "    inet 127.0.0.1/8 scope host lo\n" +
          "       valid_lft forever preferred_lft forever\n" +
          "    inet6 ::1/128 scope host \n" +
          "       valid_lft forever preferred_lft forever\n" +
          "2: ens5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9001 qdisc mq state UP group default qlen 1000\n" +
          "    link/ether 0a:7e:51:00:00:07 brd ff:ff:ff:ff:ff:ff\n" +
          "    altname enp0s5\n" +
          "    inet 10.0.1.17/24 metric 100 brd 10.0.1.255 scope global dynamic ens5\n" +
          "       valid_lft (\\d+)sec preferred_lft \\1sec\n" +
          "    inet6 fe80::87e:51ff:fe00:7/64 scope link \n" +
          "       valid_lft forever preferred_lft forever\n$",
      ),
    );
    expect((await s.run("ip -br a")).stdout).toBe("lo               UNKNOWN        127.0.0.1/8 ::1/128 \nens5             UP             10.0.1.17/24 fe80::87e:51ff:fe00:7/64 \n");
    expect((await s.run("ip addr show eth0")).stderr).toBe('Device "eth0" does not exist.\n');
  });

  it("prints routes with the trailing space and varies the address by seed", async () => {
    const s = baseSession(7);
    expect((await s.run("ip route")).stdout).toBe(
      "default via 10.0.1.1 dev ens5 proto dhcp src 10.0.1.17 metric 100 \n" +
        "10.0.0.2 via 10.0.1.1 dev ens5 proto dhcp src 10.0.1.17 metric 100 \n" +
        "10.0.1.0/24 dev ens5 proto kernel scope link src 10.0.1.17 metric 100 \n" +
        "10.0.1.1 dev ens5 proto dhcp scope link src 10.0.1.17 metric 100 \n",
    );
    expect((await baseSession(8).run("ip -4 -br a show ens5")).stdout).toBe("ens5             UP             10.0.1.18/24 \n");
    expect((await s.run("ip route del default")).stderr).toBe("RTNETLINK answers: Operation not permitted\n");
  });
});
