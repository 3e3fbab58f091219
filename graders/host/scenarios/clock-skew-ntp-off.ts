import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { isSynced, setSystemClock } from "../state/clock.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { startUnit, stopUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import { httpStatus, unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";
import { prodHostname } from "./naming.ts";
import { appServerUnit } from "./app-unit.ts";

/**
 * clock-skew-ntp-off: a colleague reproducing a token-expiry bug switched
 * NTP off (`timedatectl set-ntp false`, which stops and disables
 * systemd-timesyncd) and set the clock back with `date -s`, then forgot to
 * undo it. The system clock is now minutes behind true time. app-server
 * signs its calls to the payments API with the local time; the API rejects
 * signatures more than five minutes old ("Signature expired"), so every
 * upstream call fails and /health is 503.
 *
 * Fixed: the clock within a second of true time, NTP enabled (so it stays
 * right after a reboot) and synchronized, and the app healthy.
 * `timedatectl set-ntp true` does all of it; `date -s` with a guessed time
 * is not enough (NTP stays off, and a guess is rarely within a second).
 */

const UID = 102;
const GID = 108;
const LOG = "/var/log/app/app.log";
const TIMESYNC_UID = 997;

const TIMESYNCD_UNIT = `[Unit]
Description=Network Time Synchronization
Documentation=man:systemd-timesyncd.service(8)
ConditionCapability=CAP_SYS_TIME
ConditionVirtualization=!container
DefaultDependencies=no
After=systemd-sysusers.service
Before=time-set.target sysinit.target shutdown.target
Conflicts=shutdown.target
Wants=time-set.target

[Service]
AmbientCapabilities=CAP_SYS_TIME
BusName=org.freedesktop.timesync1
CapabilityBoundingSet=CAP_SYS_TIME
ExecStart=/lib/systemd/systemd-timesyncd
LockPersonality=yes
MemoryDenyWriteExecute=yes
NoNewPrivileges=yes
PrivateDevices=yes
PrivateTmp=yes
ProtectControlGroups=yes
ProtectHome=yes
ProtectHostname=yes
ProtectKernelModules=yes
ProtectKernelTunables=yes
ProtectSystem=strict
Restart=always
RestartSec=0
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
RuntimeDirectory=systemd/timesync
StateDirectory=systemd/timesync
SystemCallArchitectures=native
SystemCallErrorNumber=EPERM
SystemCallFilter=@system-service @clock
Type=notify
User=systemd-timesync
WatchdogSec=3min

[Install]
WantedBy=sysinit.target
Alias=dbus-org.freedesktop.timesync1.service
`;

function unitText(port: number, upstream: string): string {
  return appServerUnit({ execStart: `/usr/local/bin/app-server --port ${port} --upstream https://${upstream} --log ${LOG}`, restartSec: 10, after: ["time-sync.target"] });
}

function portOf(host: Host): number {
  return Number(host.state.units["app.service"]?.params.port ?? 0);
}

function fmtDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

function build(seed: number): Host {
  const trueNowMs = Date.UTC(2026, 10, 25, 13, 10) + (seed % 103) * 60_000 + (seed % 7) * 1_000;
  const h = hash32("clock-skew-ntp-off", seed);
  const hostname = prodHostname(h, ["orders", "checkout", "billing"], 5);
  const state = createBaseHost({
    seed, hostname, nowMs: trueNowMs, rootGiB: 20,
    extraUsers: [
      { name: "app", uid: UID, gid: GID, gecos: "", home: "/nonexistent", shell: "/usr/sbin/nologin" },
      { name: "systemd-timesync", uid: TIMESYNC_UID, gid: TIMESYNC_UID, gecos: "systemd Time Synchronization", home: "/", shell: "/usr/sbin/nologin" },
    ],
    extraGroups: [{ name: "app", gid: GID, members: [] }, { name: "systemd-timesync", gid: TIMESYNC_UID, members: [] }],
  });
  const host = new Host(state);
  const boot = state.clock.bootMs;
  const longAgo = boot - randInt(state, 60, 300) * 86400_000;
  const port = randPick(state, [8080, 8000, 8081, 9000, 3000]);
  const upstream = randPick(state, ["payments-api.internal", "billing-gw.internal", "ledger-api.internal"]);
  const ntpAddr = `10.0.0.${randPick(state, [3, 4, 5, 123])}`;
  // The colleague set the clock back by a whole number of minutes, from a time they read somewhere.
  const skewMs = -(randInt(state, 8, 25) * 60_000 + randInt(state, 5, 55) * 1000);

  for (const dir of ["/etc/systemd", "/etc/systemd/timesyncd.conf.d"]) {
    if (!fs.tryResolve(state, fs.ROOT, dir)) fs.mkdir(state, fs.ROOT, dir, { mtimeMs: longAgo });
  }
  fs.createFile(state, fs.ROOT, "/etc/systemd/timesyncd.conf.d/cloud.conf", `# Use the VPC's time service\n[Time]\nNTP=ntp.internal\n`, { mtimeMs: longAgo });
  const hosts = fs.resolve(state, fs.ROOT, "/etc/hosts").inode;
  if (hosts.kind === "file") hosts.text += `${ntpAddr}\tntp.internal\n`;

  const timesync = installUnit(host, {
    name: "systemd-timesyncd.service", path: "/lib/systemd/system/systemd-timesyncd.service", text: TIMESYNCD_UNIT, program: "timesyncd", mtimeMs: longAgo,
    params: { server: ntpAddr, serverName: "ntp.internal", cpuShare: 0.0001, vszKb: 90_852 },
    memoryKb: 6_912,
  });
  state.clock.nowMs = boot + 2_400;
  startUnit(host, timesync);

  const bin = fs.createFile(state, fs.ROOT, "/usr/local/bin/app-server", "", { mode: 0o755, mtimeMs: longAgo });
  bin.genBytes = 14_682_112;
  fs.mkdir(state, fs.ROOT, "/var/log/app", { uid: UID, gid: GID, mode: 0o755, mtimeMs: longAgo });
  const app = installUnit(host, {
    name: "app.service", path: "/etc/systemd/system/app.service", text: unitText(port, upstream), program: "signing-app", mtimeMs: longAgo,
    params: { logFile: LOG, port, upstream, bytesPerSec: randInt(state, 2_000, 6_000), cpuShare: 0.03, vszKb: 1_254_112 },
    memoryKb: randInt(state, 70_000, 110_000),
  });
  state.clock.nowMs = boot + 9_000;
  startUnit(host, app);
  if (app.activeState !== "active") throw new Error("app.service did not start while building the scenario");
  state.clock.nowMs = trueNowMs - randInt(state, 4, 9) * 3600_000;
  const log = fs.resolve(state, fs.ROOT, LOG).inode;
  if (log.kind === "file") log.genBytes = randInt(state, 20, 80) * 1024 * 1024;

  // The colleague's session: NTP off, clock set back, then a look at the app; never undone.
  const incident = trueNowMs - randInt(state, 25, 70) * 60_000;
  host.advance(incident - state.clock.nowMs);
  let sudoPid = randInt(state, 20_000, 30_000);
  const sudo = (cmd: string): void => {
    const pid = (sudoPid += randInt(state, 3, 40));
    host.log({ ident: "sudo", pid, unit: null, priority: 5, message: `   admin : TTY=pts/1 ; PWD=/home/admin ; USER=root ; COMMAND=${cmd}` });
    host.log({ ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session opened for user root(uid=0) by admin(uid=1000)" });
    host.log({ ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session closed for user root" });
  };
  sudo("/usr/bin/timedatectl set-ntp false");
  timesync.enabled = false;
  stopUnit(host, timesync);
  state.clock.ntpSynced = false;
  host.advance(randInt(state, 20, 90) * 1000);
  const target = Math.round((state.clock.nowMs + skewMs) / 60_000) * 60_000;
  sudo(`/usr/bin/date -s ${fmtDate(target)}`);
  setSystemClock(host, target);
  host.advance(randInt(state, 30, 120) * 1000);
  sudo("/usr/bin/systemctl restart app");
  stopUnit(host, app);
  startUnit(host, app);
  // Until now (true time): the system clock runs at the same rate, just behind.
  host.advance(trueNowMs - (state.clock.nowMs - (state.clock.skewMs ?? 0)));
  if (Math.abs((state.clock.skewMs ?? 0)) < 5 * 60_000) throw new Error("the clock is not skewed enough");
  return host;
}

const clockRight: Check = {
  name: "The system clock is within a second of the correct time",
  test: (host) => Math.abs(host.state.clock.skewMs ?? 0) <= 1_000,
};

const ntpEnabled: Check = {
  name: "NTP synchronization is on, and stays on after a reboot",
  test: (host) => {
    const u = host.state.units["systemd-timesyncd.service"];
    return u !== undefined && u.enabled && u.activeState === "active";
  },
};

const synced: Check = {
  name: "The system clock is synchronized",
  test: (host) => isSynced(host.state),
};

export const clockSkewNtpOff: ScenarioDefinition = {
  slug: "clock-skew-ntp-off",
  title: "Payments fail: signature expired",
  build,
  checks: [
    unitRunning("app.service", "app.service is running"),
    { name: "The app answers its health check", test: (host) => httpStatus(portOf(host), "/health", 200, "").test(host) },
    clockRight,
    ntpEnabled,
    synced,
  ],
  referenceFix: () => ["sudo timedatectl set-ntp true"],
};
