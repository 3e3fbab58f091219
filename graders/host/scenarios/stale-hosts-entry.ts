import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { startUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import { readFileText, readHostsFile } from "../net/hosts-file.ts";
import { resolveHost } from "../net/resolve.ts";
import type { DnsRecord } from "../net/types.ts";
import { httpStatus, unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";
import { serviceAccount } from "./naming.ts";

/**
 * stale-hosts-entry: months ago, during a DNS outage, someone pinned
 * db.internal in /etc/hosts on this host and never removed it. This
 * afternoon the database failed over: DNS now points db.internal at the new
 * primary, and the old primary came back as a read-only replica. The other
 * app hosts follow DNS; this one still talks to the old address, so every
 * write fails with "cannot execute INSERT in a read-only transaction".
 * orders-api is a Go service holding a connection pool opened at start, so
 * fixing /etc/hosts is not enough: it needs a restart to reconnect. Pinning
 * the new address instead repeats the trap at the next failover.
 */

const NAME = "db.internal";
const LOG = "/var/log/orders/orders.log";

function unitText(port: number): string {
  return `[Unit]
Description=Orders API
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=orders
Group=orders
Environment=DB_HOST=${NAME} DB_PORT=5432 DB_NAME=orders
ExecStart=/usr/local/bin/orders-api --listen :${port}
Restart=on-failure

[Install]
WantedBy=multi-user.target
`;
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 27, 16, 20) + (seed % 83) * 60_000;
  const h = hash32("stale-hosts-entry", seed);
  const hostname = `orders-api-0${1 + (h % 5)}`;
  const state = createBaseHost({
    seed, hostname, nowMs, rootGiB: 20,
    ...serviceAccount("orders", 107, 113),
  });
  const host = new Host(state);
  const longAgo = nowMs - randInt(state, 200, 400) * 86400_000;
  const oldIp = `10.0.2.${randInt(state, 10, 60)}`;
  const newIp = `10.0.2.${randInt(state, 61, 120)}`;
  const port = randPick(state, [8080, 8000, 9000]);

  // DNS follows the cluster: either db.internal itself or a CNAME to the RDS cluster endpoint.
  const vpc = state.net.dns?.["10.0.0.2"];
  if (!vpc) throw new Error("base host has no VPC resolver");
  const records: DnsRecord[] = randInt(state, 0, 1) === 0
    ? [{ name: NAME, type: "A", ttl: 30, value: newIp }]
    : [
        { name: NAME, type: "CNAME", ttl: 300, value: `orders-db.cluster-c${randInt(state, 100_000_000, 999_999_999)}.us-east-1.rds.amazonaws.com.` },
      ];
  if (records[0]?.type === "CNAME") records.push({ name: records[0].value.replace(/\.$/, ""), type: "A", ttl: 5, value: newIp });
  vpc.records.push(...records);
  const readOnly = "pq: cannot execute INSERT in a read-only transaction";
  state.net.remotes = {
    [oldIp]: { reachable: true, tcpPorts: [5432], rttMs: 1, params: { role: "replica", roleError: readOnly } },
    [newIp]: { reachable: true, tcpPorts: [5432], rttMs: 1, params: { role: "primary" } },
  };

  // The pin, added during an old DNS outage.
  const hosts = readFileText(host, "/etc/hosts") ?? "";
  const alias = randPick(state, ["", " db", " postgres"]);
  const ticket = randInt(state, 1000, 3999);
  const pin = `\n# INC-${ticket}: resolver flapping, pin the db until it is fixed\n${oldIp}\t${NAME}${alias}\n`;
  fs.writeFile(state, fs.ROOT, "/etc/hosts", hosts + pin, false);
  const hostsInode = fs.resolve(state, fs.ROOT, "/etc/hosts").inode;
  hostsInode.mtimeMs = longAgo;

  const bin = fs.createFile(state, fs.ROOT, "/usr/local/bin/orders-api", "", { mode: 0o755, mtimeMs: longAgo });
  bin.genBytes = 18_403_328;
  fs.mkdir(state, fs.ROOT, "/var/log/orders", { uid: 107, gid: 113, mode: 0o755, mtimeMs: longAgo });
  const unit = installUnit(host, {
    name: "orders.service", path: "/etc/systemd/system/orders.service", text: unitText(port), program: "net-app", mtimeMs: longAgo,
    params: { port, logFile: LOG, ident: "orders-api", upstream: NAME, upstreamPort: 5432, pinAtStart: 1, needsRole: "primary" },
    memoryKb: randInt(state, 60_000, 120_000),
  });
  // Before the failover the old address was the primary: the app started fine days ago.
  const primaryNow = state.net.remotes[oldIp];
  if (primaryNow?.params) primaryNow.params.role = "primary";
  state.clock.nowMs = nowMs - randInt(state, 3, 12) * 86400_000;
  startUnit(host, unit);
  if (unit.activeState !== "active") throw new Error("orders.service did not start while building the scenario");
  const failoverAt = nowMs - randInt(state, 25, 70) * 60_000;
  // Days of healthy running need no simulation step by step: jump to the failover.
  state.clock.nowMs = failoverAt;
  if (primaryNow?.params) primaryNow.params.role = "replica";
  host.advance(nowMs - state.clock.nowMs);
  state.clock.nowMs = nowMs;
  return host;
}

function portOf(host: Host): number {
  return Number(host.state.units["orders.service"]?.params.port ?? 0);
}

function dnsAddress(host: Host): string {
  const remotes = host.state.net.remotes ?? {};
  return Object.entries(remotes).find(([, r]) => r.params?.role === "primary")?.[0] ?? "";
}

const checks: Check[] = [
  unitRunning("orders.service", "orders.service is running"),
  {
    name: `\`getent hosts ${NAME}\` gives the address DNS has for it`,
    test: (host) => {
      const r = resolveHost(host, NAME, "inet");
      return r.ok && r.addrs[0] === dnsAddress(host);
    },
  },
  { name: `${NAME} is not pinned in /etc/hosts`, test: (host) => !readHostsFile(host).some((e) => e.names.includes(NAME)) },
  { name: "orders-api answers its health check (it can write to the database)", test: (host) => httpStatus(portOf(host), "/health", 200, "").test(host) },
];

export const staleHostsEntry: ScenarioDefinition = {
  slug: "stale-hosts-entry",
  title: "Writes fail on one host after a database failover",
  build,
  checks,
  referenceFix: () => [`sudo sed -i '/\\sdb\\.internal\\b/d' /etc/hosts`, "sudo systemctl restart orders"],
};
