import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { startUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import { tcpConnect } from "../net/remote.ts";
import { lookupRoute } from "../net/route.ts";
import { httpStatus, unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";
import { serviceAccount } from "./naming.ts";

/**
 * broken-default-route: while trying out a NAT instance for egress, an admin
 * deleted the default route (`ip route del default`) and never put it back.
 * Everything on 10.0.1.0/24 still works, and so does DNS (DHCP installed a
 * host route to the VPC resolver via the gateway), but anything beyond the
 * subnet is "Network is unreachable": the reports service cannot reach its
 * partner API. Fixed when a default route via the subnet's gateway is back
 * and the API is reachable; a host route for the API alone does not count
 * (apt, NTP and every other destination stay cut off).
 */

const NAME = "api.partner-billing.example";
const GATEWAY = "10.0.1.1";
const LOG = "/var/log/reports/reports.log";

function unitText(port: number, dbIp: string): string {
  return `[Unit]
Description=Reports service
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=reports
Group=reports
Environment=PARTNER_API=https://${NAME}
Environment=DB_HOST=${dbIp} DB_PORT=5432
ExecStart=/usr/local/bin/reports --listen :${port}
Restart=on-failure

[Install]
WantedBy=multi-user.target
`;
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 26, 11, 0) + (seed % 79) * 60_000;
  const h = hash32("broken-default-route", seed);
  const hostname = `reports-0${1 + (h % 4)}`;
  const state = createBaseHost({
    seed, hostname, nowMs, rootGiB: 20,
    ...serviceAccount("reports", 108, 114),
  });
  const host = new Host(state);
  const longAgo = nowMs - randInt(state, 60, 300) * 86400_000;
  const apiIp = `192.0.2.${randInt(state, 10, 240)}`;
  const dbIp = `10.0.1.${randInt(state, 220, 250)}`;
  const port = randPick(state, [8080, 8000, 9000]);
  state.net.dns?.["10.0.0.2"]?.records.push({ name: NAME, type: "A", ttl: 60, value: apiIp });
  state.net.remotes = {
    [apiIp]: { reachable: true, tcpPorts: [443], rttMs: randInt(state, 8, 30), icmp: true, http: "json-api", params: { service: "partner-billing" } },
    [dbIp]: { reachable: true, tcpPorts: [5432], rttMs: 1, icmp: true },
  };
  const bin = fs.createFile(state, fs.ROOT, "/usr/local/bin/reports", "", { mode: 0o755, mtimeMs: longAgo });
  bin.genBytes = 13_516_800;
  fs.mkdir(state, fs.ROOT, "/var/log/reports", { uid: 108, gid: 114, mode: 0o755, mtimeMs: longAgo });
  const unit = installUnit(host, {
    name: "reports.service", path: "/etc/systemd/system/reports.service", text: unitText(port, dbIp), program: "net-app", mtimeMs: longAgo,
    params: { port, logFile: LOG, ident: "reports", upstream: NAME, upstreamPort: 443 },
    memoryKb: randInt(state, 40_000, 80_000),
  });
  state.clock.nowMs = nowMs - randInt(state, 2, 9) * 86400_000;
  startUnit(host, unit);
  if (unit.activeState !== "active") throw new Error("reports.service did not start while building the scenario");

  const changeAt = nowMs - randInt(state, 30, 90) * 60_000;
  // Days of healthy running need no simulation step by step: jump to the change.
  state.clock.nowMs = changeAt;
  let sudoPid = randInt(state, 20_000, 30_000);
  const sudo = (cmd: string, at: number): void => {
    const pid = (sudoPid += randInt(state, 3, 40));
    host.log({ tsMs: at, ident: "sudo", pid, unit: null, priority: 5, message: `   admin : TTY=pts/0 ; PWD=/home/admin ; USER=root ; COMMAND=${cmd}` });
    host.log({ tsMs: at, ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session opened for user root(uid=0) by admin(uid=1000)" });
    host.log({ tsMs: at + 200, ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session closed for user root" });
  };
  const nat = `10.0.1.${randInt(state, 100, 199)}`;
  sudo("/usr/sbin/ip route show", changeAt);
  sudo("/usr/sbin/ip route del default", changeAt + randInt(state, 10, 60) * 1000);
  // The NAT instance's address was mistyped or not up yet: the replacement never went in.
  sudo(`/usr/sbin/ip route add default via ${nat} dev ens5`, changeAt + randInt(state, 70, 120) * 1000);
  state.net.routes = state.net.routes.filter((r) => r.dst !== "default");
  if (randInt(state, 0, 1) === 0) {
    // Some hosts also got a narrow route for the NAT test that still works, a red herring.
    state.net.routes.push({ dst: "198.51.100.0/24", via: GATEWAY, dev: "ens5", proto: "boot" });
  }
  host.advance(nowMs - state.clock.nowMs);
  state.clock.nowMs = nowMs;
  return host;
}

function portOf(host: Host): number {
  return Number(host.state.units["reports.service"]?.params.port ?? 0);
}

function apiIp(host: Host): string {
  return Object.keys(host.state.net.remotes ?? {}).find((ip) => ip.startsWith("192.0.2.")) ?? "";
}

const checks: Check[] = [
  unitRunning("reports.service", "reports.service is running"),
  {
    name: `The host has a default route via the subnet's gateway ${GATEWAY}`,
    test: (host) => {
      const r = lookupRoute(host.state, "192.0.2.1");
      return r.kind === "route" && r.route.dst === "default" && r.gateway === GATEWAY && r.dev === "ens5";
    },
  },
  { name: `The partner API (${NAME}:443) is reachable from this host`, test: (host) => tcpConnect(host, apiIp(host), 443).kind === "ok" },
  { name: "reports answers its health check", test: (host) => httpStatus(portOf(host), "/health", 200, "").test(host) },
];

export const brokenDefaultRoute: ScenarioDefinition = {
  slug: "broken-default-route",
  title: "Everything outside the subnet is unreachable",
  build,
  checks,
  referenceFix: () => [`sudo ip route add default via ${GATEWAY} dev ens5 proto dhcp metric 100`],
};
