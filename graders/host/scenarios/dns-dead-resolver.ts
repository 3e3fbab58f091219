import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { startUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import { readHostsFile } from "../net/hosts-file.ts";
import { RESOLVE_GROUP, RESOLVE_USER, enableResolved } from "../net/resolved.ts";
import { resolveHost } from "../net/resolve.ts";
import type { DnsRecord } from "../net/types.ts";
import { httpStatus, unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";

/**
 * dns-dead-resolver: the host runs systemd-resolved, which DHCP configured
 * with the VPC resolver 10.0.0.2. During a "DNS migration test" someone
 * replaced the /etc/resolv.conf symlink with a hand-written file pointing at
 * 10.0.0.254, a resolver that was never built. glibc and Go read
 * /etc/resolv.conf directly, so every lookup now times out, and checkout's
 * health check (it dials api.payments.internal for every check) fails.
 * resolvectl still shows the right server; the public resolvers are no way
 * out (egress to them is blocked in this VPC, and they could not know an
 * internal name anyway). Pinning the payments address in /etc/hosts does not
 * count: it is an ELB whose addresses change, and it hides the broken
 * resolver from everything else on the box.
 */

const NAME = "api.payments.internal";
const DEAD = "10.0.0.254";
const LOG = "/var/log/checkout/checkout.log";

function unitText(port: number): string {
  return `[Unit]
Description=Checkout service
After=network-online.target nss-lookup.target
Wants=network-online.target

[Service]
Type=simple
User=checkout
Group=checkout
Environment=PAYMENTS_URL=https://${NAME}
ExecStart=/usr/local/bin/checkout --listen :${port}
Restart=on-failure

[Install]
WantedBy=multi-user.target
`;
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 27, 14, 10) + (seed % 89) * 60_000;
  const h = hash32("dns-dead-resolver", seed);
  const hostname = `checkout-0${1 + (h % 6)}`;
  const state = createBaseHost({
    seed, hostname, nowMs, rootGiB: 20,
    extraUsers: [RESOLVE_USER, { name: "checkout", uid: 106, gid: 112, gecos: "", home: "/nonexistent", shell: "/usr/sbin/nologin" }],
    extraGroups: [RESOLVE_GROUP, { name: "checkout", gid: 112, members: [] }],
  });
  const host = new Host(state);
  const longAgo = nowMs - randInt(state, 60, 300) * 86400_000;
  // resolved came up with the box, a few seconds into boot.
  state.clock.nowMs = state.clock.bootMs + 9_000;
  enableResolved(host, ["10.0.0.2"], ["ec2.internal"], state.clock.nowMs);
  state.clock.nowMs = nowMs;

  // What the VPC resolver knows: payments' internal ELB behind a CNAME, or a plain A record.
  const ips = [`10.0.3.${randInt(state, 10, 120)}`, `10.0.4.${randInt(state, 10, 120)}`];
  const vpc = state.net.dns?.["10.0.0.2"];
  if (!vpc) throw new Error("base host has no VPC resolver");
  const records: DnsRecord[] = randInt(state, 0, 1) === 0
    ? [{ name: NAME, type: "A", ttl: 60, value: ips[0] ?? "" }]
    : [
        { name: NAME, type: "CNAME", ttl: 300, value: `internal-payments-api-${randInt(state, 1_000_000_000, 1_999_999_999)}.us-east-1.elb.amazonaws.com.` },
      ];
  const cname = records[0]?.type === "CNAME" ? (records[0].value.replace(/\.$/, "")) : null;
  if (cname) for (const ip of ips) records.push({ name: cname, type: "A", ttl: 60, value: ip });
  vpc.records.push(...records);
  vpc.zones?.push({ origin: "payments.internal", soa: "ns-1536.awsdns-00.co.uk. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400", minimum: 86400 });
  // The hand-written resolver never existed; public resolvers are blocked by the VPC's egress rules.
  state.net.dns = { ...state.net.dns, [DEAD]: { reachable: false, records: [] }, "8.8.8.8": { reachable: false, records: [] }, "1.1.1.1": { reachable: false, records: [] } };
  state.net.remotes = Object.fromEntries(ips.map((ip) => [ip, { reachable: true, tcpPorts: [443], rttMs: 1, http: "json-api", params: { service: "payments-api" } }]));

  const port = randPick(state, [8080, 8000, 9000]);
  const bin = fs.createFile(state, fs.ROOT, "/usr/local/bin/checkout", "", { mode: 0o755, mtimeMs: longAgo });
  bin.genBytes = 16_211_968;
  fs.mkdir(state, fs.ROOT, "/var/log/checkout", { uid: 106, gid: 112, mode: 0o755, mtimeMs: longAgo });
  const unit = installUnit(host, {
    name: "checkout.service", path: "/etc/systemd/system/checkout.service", text: unitText(port), program: "net-app", mtimeMs: longAgo,
    params: { port, logFile: LOG, ident: "checkout", upstream: NAME, upstreamPort: 443 },
    memoryKb: randInt(state, 50_000, 90_000),
  });
  state.clock.nowMs = nowMs - randInt(state, 2, 6) * 86400_000;
  startUnit(host, unit);
  if (unit.activeState !== "active") throw new Error("checkout.service did not start while building the scenario");

  // The edit: sudo lines in the journal, then the symlink replaced by a file.
  const editAt = nowMs - randInt(state, 20, 50) * 60_000;
  let sudoPid = randInt(state, 20_000, 30_000);
  const sudo = (cmd: string, at: number): void => {
    const pid = (sudoPid += randInt(state, 3, 40));
    host.log({ tsMs: at, ident: "sudo", pid, unit: null, priority: 5, message: `   admin : TTY=pts/0 ; PWD=/home/admin ; USER=root ; COMMAND=${cmd}` });
    host.log({ tsMs: at, ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session opened for user root(uid=0) by admin(uid=1000)" });
    host.log({ tsMs: at + 300, ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session closed for user root" });
  };
  // Days of healthy running need no simulation step by step: jump to the edit.
  state.clock.nowMs = editAt;
  sudo("/usr/bin/rm /etc/resolv.conf", editAt);
  sudo("/usr/bin/vi /etc/resolv.conf", editAt + randInt(state, 5, 20) * 1000);
  fs.unlink(state, fs.ROOT, "/etc/resolv.conf");
  const second = randPick(state, [null, "8.8.8.8"]);
  const opts = randPick(state, ["", "options timeout:2 attempts:3\n", "options rotate\n"]);
  const text = `# DNS migration test - route lookups through the new resolver (INFRA-${randInt(state, 200, 999)})\nnameserver ${DEAD}\n${second ? `nameserver ${second}\n` : ""}search ec2.internal\n${opts}`;
  fs.createFile(state, fs.ROOT, "/etc/resolv.conf", text, { mode: 0o644, mtimeMs: editAt + 60_000 });
  host.advance(nowMs - state.clock.nowMs);
  state.clock.nowMs = nowMs;
  return host;
}

function portOf(host: Host): number {
  return Number(host.state.units["checkout.service"]?.params.port ?? 0);
}

const checks: Check[] = [
  unitRunning("checkout.service", "checkout.service is running"),
  {
    name: `\`getent hosts ${NAME}\` resolves through DNS`,
    test: (host) => {
      const r = resolveHost(host, NAME, "inet");
      return r.ok && r.source === "dns";
    },
  },
  {
    // Any other internal name (here the instance's own) must resolve too, and at once.
    name: "Name lookups do not wait on an unreachable resolver first",
    test: (host) => {
      const own = host.state.net.interfaces.find((i) => i.name === "ens5")?.addrs.find((a) => a.family === "inet")?.address ?? "";
      const r = resolveHost(host, `ip-${own.replace(/\./g, "-")}.ec2.internal`, "inet");
      return r.ok && r.source === "dns" && r.elapsedMs < 1000;
    },
  },
  { name: "checkout answers its health check", test: (host) => httpStatus(portOf(host), "/health", 200, "").test(host) },
  {
    name: `${NAME} is not pinned in /etc/hosts`,
    test: (host) => !readHostsFile(host).some((e) => e.names.includes(NAME)),
  },
];

export const dnsDeadResolver: ScenarioDefinition = {
  slug: "dns-dead-resolver",
  title: "Checkout can't find payments",
  build,
  checks,
  referenceFix: () => ["sudo ln -sf ../run/systemd/resolve/stub-resolv.conf /etc/resolv.conf"],
};
