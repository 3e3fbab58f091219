import { describe, expect, it } from "vitest";
import { baseHost } from "../testkit.ts";
import { ROOT, writeFile } from "../state/fs.ts";
import { readResolvConf, resolveHost, reverseLookup, searchCandidates } from "./resolve.ts";
import { httpRequest } from "./connect.ts";

describe("resolveHost (glibc getaddrinfo with hosts: files dns)", () => {
  it("resolves literals, /etc/hosts (read afresh) and DNS through the search list", () => {
    const host = baseHost();
    expect(resolveHost(host, "10.1.2.3")).toMatchObject({ ok: true, addrs: ["10.1.2.3"] });
    expect(resolveHost(host, "localhost")).toMatchObject({ ok: true, addrs: ["::1", "127.0.0.1"], source: "files" });
    expect(resolveHost(host, "web-01", "inet")).toMatchObject({ ok: true, addrs: ["127.0.1.1"], source: "files" });
    expect(resolveHost(host, "ip-10-0-1-17")).toMatchObject({ ok: true, addrs: ["10.0.1.17"], source: "dns", canonical: "ip-10-0-1-17.ec2.internal" });
    expect(resolveHost(host, "nope.example")).toEqual({ ok: false, error: "NOTFOUND", elapsedMs: 2 });
    writeFile(host.state, ROOT, "/etc/hosts", "10.7.7.7 nope.example\n", true);
    expect(resolveHost(host, "nope.example")).toMatchObject({ ok: true, addrs: ["10.7.7.7"], source: "files" });
    expect(reverseLookup(host, "10.0.1.17")).toEqual({ name: "ip-10-0-1-17.ec2.internal", aliases: [] });
  });

  it("waits timeout x attempts per dead nameserver and then fails with TIMEOUT", () => {
    const host = baseHost();
    host.state.net.dns = { ...host.state.net.dns, "10.0.0.254": { reachable: false, records: [] } };
    writeFile(host.state, ROOT, "/etc/resolv.conf", "nameserver 10.0.0.254\noptions timeout:2 attempts:3\n", false);
    expect(readResolvConf(host)).toMatchObject({ nameservers: ["10.0.0.254"], timeoutSec: 2, attempts: 3, search: [] });
    expect(resolveHost(host, "ip-10-0-1-17.ec2.internal", "inet")).toEqual({ ok: false, error: "TIMEOUT", elapsedMs: 6000 });
    // A live server behind the dead one answers, after the dead one's wait.
    writeFile(host.state, ROOT, "/etc/resolv.conf", "nameserver 10.0.0.254\nnameserver 10.0.0.2\n", false);
    const r = resolveHost(host, "ip-10-0-1-17.ec2.internal", "inet");
    expect(r).toMatchObject({ ok: true, addrs: ["10.0.1.17"] });
    expect(r.elapsedMs).toBeGreaterThanOrEqual(5000);
  });

  it("orders search candidates by ndots as res_search does", () => {
    const host = baseHost();
    const conf = { ...readResolvConf(host), search: ["a.internal", "b.internal"], ndots: 2 };
    expect(searchCandidates(conf, "db.x")).toEqual(["db.x.a.internal", "db.x.b.internal", "db.x"]);
    expect(searchCandidates(conf, "db.x.y")).toEqual(["db.x.y", "db.x.y.a.internal", "db.x.y.b.internal"]);
    expect(searchCandidates(conf, "db.")).toEqual(["db"]);
  });

  it("gives HTTP clients curl's failures: unknown names, refused ports, silent hosts", () => {
    const host = baseHost();
    expect(httpRequest(host, "nope.example", 80, { method: "GET", path: "/" })).toMatchObject({ ok: false, code: 6, message: "Could not resolve host: nope.example" });
    host.state.net.remotes = { "10.0.1.50": { reachable: true, tcpPorts: [443], rttMs: 1 }, "10.0.1.51": { reachable: false, tcpPorts: [] } };
    expect(httpRequest(host, "10.0.1.50", 80, { method: "GET", path: "/" })).toMatchObject({ ok: false, code: 7, message: "Failed to connect to 10.0.1.50 port 80 after 1 ms: Couldn't connect to server" });
    expect(httpRequest(host, "10.0.1.51", 443, { method: "GET", path: "/" }, { connectTimeoutSec: 3 })).toMatchObject({ ok: false, code: 28, message: "Failed to connect to 10.0.1.51 port 443 after 3001 ms: Timeout was reached" });
    expect(httpRequest(host, "10.0.1.51", 443, { method: "GET", path: "/" }, { maxTimeSec: 5 })).toMatchObject({ ok: false, code: 28, message: "Connection timed out after 5001 milliseconds" });
  });
});
