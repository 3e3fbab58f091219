import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { startUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import { emptyChain, emptyFirewall, evaluate, type Packet } from "../net/firewall.ts";
import { installPackage } from "../net/packages.ts";
import { parseRulesFile } from "../net/restore.ts";
import { readFileText } from "../net/hosts-file.ts";
import { primaryAddress } from "../net/route.ts";
import type { FirewallState, FwRule } from "../net/types.ts";
import { saveText } from "../commands/iptables/render.ts";
import { httpStatus, unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";

/**
 * firewall-drops-app-port: last night a scraper hammered the API from
 * 203.0.113.0/24. The on-call first dropped the app's port for everyone to
 * stop the bleeding, then added the narrow block for the range, and saved
 * both with netfilter-persistent. The app is healthy (curl on the box works:
 * loopback is accepted first), but the load balancer's probes from 10.0.1.x
 * die in INPUT, so the instance is out of the pool. The fix lets the probe in,
 * keeps the range blocked, and persists to /etc/iptables/rules.v4 so the next
 * boot does not bring the outage back. Seeds vary the port, the LB address,
 * where the bad rule sits (INPUT itself, or a custom chain that still only
 * admits the LB's old subnet) and DROP vs REJECT.
 */

const UID = 105;
const GID = 111;
const LOG = "/var/log/catalog/access.log";
const RULES = "/etc/iptables/rules.v4";
const ABUSE = "203.0.113.0/24";

const rule = (r: Omit<FwRule, "pkts" | "bytes">, pkts = 0, bytes = 0): FwRule => ({ ...r, pkts, bytes });

interface Layout {
  port: number;
  lbIp: string;
  abuser: string;
  fw: FirewallState;
}

function unitText(port: number): string {
  return `[Unit]
Description=Catalog API
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=catalog
Group=catalog
ExecStart=/usr/local/bin/catalog-api --listen :${port} --access-log ${LOG}
Restart=on-failure
RestartSec=5

[Install]
WantedBy=multi-user.target
`;
}

/** The rule set as the on-call left it, in one of three shapes. */
function buildFirewall(host: Host, port: number, lbIp: string, ticket: number): FirewallState {
  const state = host.state;
  const fw = emptyFirewall();
  const input = fw.filter.INPUT ?? emptyChain("ACCEPT");
  const variant = randInt(state, 0, 2);
  const ssh = rule({ proto: "tcp", matches: ["tcp"], dport: 22, target: "ACCEPT" }, randInt(state, 300, 900), randInt(state, 20_000, 90_000));
  const block = rule({ source: ABUSE, matches: ["comment"], comment: `scraper ${ticket}`, target: "DROP" }, randInt(state, 40_000, 90_000), 0);
  block.bytes = block.pkts * 60;
  const base: FwRule[] = [
    rule({ inIface: "lo", target: "ACCEPT" }, randInt(state, 2_000, 9_000), randInt(state, 200_000, 900_000)),
    rule({ matches: ["conntrack"], ctstate: ["RELATED", "ESTABLISHED"], target: "ACCEPT" }, randInt(state, 200_000, 900_000), randInt(state, 50_000_000, 300_000_000)),
  ];
  const extras: FwRule[] = randPick(state, [
    [rule({ proto: "icmp", target: "ACCEPT" }, randInt(state, 10, 90), 0)],
    [rule({ source: "10.0.0.0/16", proto: "tcp", matches: ["tcp"], dport: 9100, target: "ACCEPT" }, randInt(state, 2_000, 6_000), 0)],
    [],
  ]);
  for (const r of extras) r.bytes = r.pkts * 84;
  const lbDropped = randInt(state, 4_000, 9_000);
  if (variant === 2) {
    // A chain meant to admit only the load balancers: it still names the subnet they lived in before the VPC move.
    fw.filter["app-ingress"] = {
      rules: [
        rule({ source: "10.0.2.0/24", target: "ACCEPT" }),
        rule({ target: "DROP" }, lbDropped, lbDropped * 60),
      ],
      pkts: 0, bytes: 0,
    };
    input.rules = [...base, block, ssh, rule({ proto: "tcp", matches: ["tcp"], dport: port, target: "app-ingress" }, lbDropped, lbDropped * 60), ...extras];
  } else {
    const bad = variant === 0
      ? rule({ proto: "tcp", matches: ["tcp"], dport: port, target: "DROP" }, lbDropped, lbDropped * 60)
      : rule({ proto: "tcp", matches: ["tcp"], dport: port, target: "REJECT", rejectWith: "tcp-reset" }, lbDropped, lbDropped * 60);
    const before = randInt(state, 0, 1) === 0;
    input.rules = before ? [...base, bad, ssh, ...extras, block] : [...base, block, bad, ssh, ...extras];
  }
  fw.filter.INPUT = input;
  void lbIp;
  return fw;
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 26, 9, 40) + (seed % 97) * 60_000;
  const h = hash32("firewall-drops-app-port", seed);
  const hostname = `catalog-${["a", "b", "c"][h % 3] ?? "a"}-0${1 + ((h >>> 8) % 4)}`;
  const state = createBaseHost({
    seed, hostname, nowMs, rootGiB: 20,
    extraUsers: [
      { name: "catalog", uid: UID, gid: GID, gecos: "", home: "/nonexistent", shell: "/usr/sbin/nologin" },
      // The on-call engineer whose sudo commands are in the journal.
      { name: "oncall", uid: 1001, gid: 1001, gecos: "On-call,,,", home: "/home/oncall", shell: "/bin/bash" },
    ],
    extraGroups: [{ name: "catalog", gid: GID, members: [] }, { name: "oncall", gid: 1001, members: [] }],
  });
  const host = new Host(state);
  const longAgo = nowMs - randInt(state, 60, 300) * 86400_000;
  installPackage(state, "iptables", longAgo);
  installPackage(state, "iptables-persistent", longAgo);
  fs.mkdir(state, fs.ROOT, "/etc/iptables", { mtimeMs: longAgo });
  const port = randPick(state, [8080, 8000, 8081, 9000]);
  const lbIp = `10.0.1.${randInt(state, 2, 9)}`;
  const abuser = `203.0.113.${randInt(state, 10, 250)}`;
  const ticket = randInt(state, 4100, 4999);

  const bin = fs.createFile(state, fs.ROOT, "/usr/local/bin/catalog-api", "", { mode: 0o755, mtimeMs: longAgo });
  bin.genBytes = 11_730_944;
  fs.mkdir(state, fs.ROOT, "/var/log/catalog", { uid: UID, gid: GID, mode: 0o755, mtimeMs: longAgo });
  const unit = installUnit(host, {
    name: "catalog.service", path: "/etc/systemd/system/catalog.service", text: unitText(port), program: "net-app", mtimeMs: longAgo,
    params: { port, logFile: LOG, ident: "catalog-api", lbIp, probeSec: 10, noiseNet: "203.0.113", noiseSec: 3 },
    memoryKb: randInt(state, 40_000, 90_000),
  });
  // The service has been up for days; the LB's probes were landing in its access log.
  state.clock.nowMs = nowMs - randInt(state, 3, 8) * 86400_000;
  startUnit(host, unit);
  if (unit.activeState !== "active") throw new Error("catalog.service did not start while building the scenario");
  const incidentAt = nowMs - randInt(state, 9, 14) * 3600_000;
  state.clock.nowMs = incidentAt - 30 * 60_000;
  host.advance(30 * 60_000);

  // The on-call's night: sudo lines in the journal, the rule set, then netfilter-persistent save.
  const fw = buildFirewall(host, port, lbIp, ticket);
  let sudoPid = randInt(state, 30_000, 40_000);
  const sudo = (cmd: string, at: number): void => {
    const pid = (sudoPid += randInt(state, 3, 40));
    host.log({ tsMs: at, ident: "sudo", pid, unit: null, priority: 5, message: `  oncall : TTY=pts/1 ; PWD=/home/oncall ; USER=root ; COMMAND=${cmd}` });
    host.log({ tsMs: at, ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session opened for user root(uid=0) by oncall(uid=1001)" });
    host.log({ tsMs: at + 400, ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session closed for user root" });
  };
  const chain = fw.filter["app-ingress"] ? "app-ingress" : null;
  let at = incidentAt;
  sudo("/usr/sbin/iptables -L -n -v", at);
  at += randInt(state, 40, 120) * 1000;
  fs.mkdir(state, fs.ROOT, "/home/oncall", { uid: 1001, gid: 1001, mode: 0o700, mtimeMs: at });
  if (chain) {
    // The "hardened" set they loaded is still in their home directory.
    fs.createFile(state, fs.ROOT, "/home/oncall/rules.v4.hardened", saveText(fw, at - 3600_000, false), { uid: 1001, gid: 1001, mode: 0o644, mtimeMs: at - 600_000 });
    sudo("/usr/sbin/iptables-restore /home/oncall/rules.v4.hardened", at);
  } else {
    // The order of the two commands is what left the rules in their order.
    const rules = fw.filter.INPUT?.rules ?? [];
    const bad = rules.find((r) => r.dport === port);
    const badAt = rules.findIndex((r) => r.dport === port);
    const blockFirst = rules.findIndex((r) => r.source === ABUSE) < badAt;
    const dropPort = (n: number): string => `/usr/sbin/iptables -I INPUT ${n} -p tcp --dport ${port} -j ${bad?.target ?? "DROP"}${bad?.rejectWith ? ` --reject-with ${bad.rejectWith}` : ""}`;
    const blockRange = blockFirst ? `/usr/sbin/iptables -I INPUT 3 -s ${ABUSE} -m comment --comment "scraper ${ticket}" -j DROP` : `/usr/sbin/iptables -A INPUT -s ${ABUSE} -m comment --comment "scraper ${ticket}" -j DROP`;
    sudo(blockFirst ? blockRange : dropPort(3), at);
    at += randInt(state, 120, 600) * 1000;
    sudo(blockFirst ? dropPort(4) : blockRange, at);
  }
  at += randInt(state, 60, 300) * 1000;
  sudo("/usr/sbin/netfilter-persistent save", at);
  fs.createFile(state, fs.ROOT, RULES, saveText(fw, at, false), { mode: 0o640, mtimeMs: at });
  // The rules the incident added start counting when they went in; the simulated probes and scraper fill them.
  const zeroed = JSON.parse(JSON.stringify(fw)) as FirewallState;
  for (const [name, c] of Object.entries(zeroed.filter)) {
    for (const r of c.rules) {
      if (name !== "INPUT" || r.dport === port || r.source === ABUSE) {
        r.pkts = 0;
        r.bytes = 0;
      }
    }
  }
  state.clock.nowMs = incidentAt;
  host.advance(at - incidentAt);
  state.net.firewall = zeroed;
  host.advance(nowMs - state.clock.nowMs);
  state.clock.nowMs = nowMs;
  return host;
}

function portOf(host: Host): number {
  return Number(host.state.units["catalog.service"]?.params.port ?? 0);
}

function probe(host: Host, src: string, dport: number): Packet {
  return { src, dst: primaryAddress(host.state, "ens5") ?? "0.0.0.0", proto: "tcp", dport, inIface: "ens5", ctstate: "NEW" };
}

function lbIp(host: Host): string {
  return String(host.state.units["catalog.service"]?.params.lbIp ?? "");
}

/** The scraper came from all over the range; it must stay cut off from the API. */
const ABUSER_SAMPLES = ["203.0.113.7", "203.0.113.66", "203.0.113.201"];

function lbAllowed(host: Host): boolean {
  return evaluate(host.state, "INPUT", probe(host, lbIp(host), portOf(host))).verdict === "ACCEPT";
}

function abuseBlocked(host: Host): boolean {
  return ABUSER_SAMPLES.every((ip) => evaluate(host.state, "INPUT", probe(host, ip, portOf(host))).verdict !== "ACCEPT");
}

/** What the next boot loads: the saved file, judged with the same two probes. */
function persisted(host: Host): boolean {
  const fw = parseRulesFile(readFileText(host, RULES) ?? "");
  if (!fw) return false;
  const shadow = new Host(JSON.parse(JSON.stringify(host.state)) as typeof host.state);
  shadow.state.net.firewall = fw;
  return lbAllowed(shadow) && abuseBlocked(shadow);
}

const checks: Check[] = [
  unitRunning("catalog.service", "catalog.service is running"),
  { name: "The app answers its health check on this host", test: (host) => httpStatus(portOf(host), "/health", 200, "").test(host) },
  { name: "The load balancer's health probe reaches the app", test: lbAllowed },
  { name: `Traffic from ${ABUSE} is still blocked`, test: abuseBlocked },
  { name: "The firewall comes back the same way after a reboot", test: persisted },
];

export const firewallDropsAppPort: ScenarioDefinition = {
  slug: "firewall-drops-app-port",
  title: "Healthy app, out of the load balancer",
  build,
  checks,
  referenceFix: (host) => {
    const port = portOf(host);
    const fw = host.state.net.firewall;
    if (fw?.filter["app-ingress"]) return [`sudo iptables -I app-ingress 1 -s ${lbIp(host)} -j ACCEPT`, "sudo netfilter-persistent save"];
    const bad = fw?.filter.INPUT?.rules.find((r) => r.dport === port);
    const spec = bad?.target === "REJECT" ? `-p tcp --dport ${port} -j REJECT --reject-with tcp-reset` : `-p tcp --dport ${port} -j DROP`;
    return [`sudo iptables -D INPUT ${spec}`, "sudo netfilter-persistent save"];
  },
};
