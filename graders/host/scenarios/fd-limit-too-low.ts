import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { restartUnit, startUnit } from "../services/systemd.ts";
import { daemonReload, installUnit } from "../services/units.ts";
import { EMFILE_LINE, syncConnections } from "../programs/api-server.ts";
import { httpStatus, unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";
import { prodHostname, serviceAccount } from "./naming.ts";

/**
 * fd-limit-too-low: api.service's unit asks for LimitNOFILE=65536, but a
 * hardening drop-in added later caps it at 1024. It went unnoticed until
 * traffic rose past ~1000 concurrent connections: accept4() now fails with
 * EMFILE and the health check fails. The fix is the limit (edit or remove the
 * drop-in), daemon-reload, restart; without the reload the restart keeps the
 * old limit, and removing the drop-in only works because the main unit sets
 * 65536 (systemd's own default soft limit is 1024).
 */

const UID = 104;
const GID = 110;
const UNIT_PATH = "/etc/systemd/system/api.service";
const WANT = 65536;

function unitText(port: number): string {
  return `[Unit]
Description=Public API
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=api
Group=api
ExecStart=/usr/local/bin/api-server --listen :${port} --workers 4
Restart=on-failure
RestartSec=2
LimitNOFILE=${WANT}

[Install]
WantedBy=multi-user.target
`;
}

/** Debian 12's stock pam_limits file, plus the line someone once added for the api user (PAM sessions only). */
const LIMITS_CONF = `# /etc/security/limits.conf
#
#Each line describes a limit for a user in the form:
#
#<domain>        <type>  <item>  <value>
#
#Where:
#<domain> can be:
#        - a user name
#        - a group name, with @group syntax
#        - the wildcard *, for default entry
#        - the wildcard %, can be also used with %group syntax,
#                 for maxlogin limit
#        - NOTE: group and wildcard limits are not applied to root.
#          To apply a limit to the root user, <domain> must be
#          the literal username root.
#
#<type> can have the two values:
#        - "soft" for enforcing the soft limits
#        - "hard" for enforcing hard limits
#
#<item> can be one of the following:
#        - core - limits the core file size (KB)
#        - data - max data size (KB)
#        - fsize - maximum filesize (KB)
#        - memlock - max locked-in-memory address space (KB)
#        - nofile - max number of open file descriptors
#        - rss - max resident set size (KB)
#        - stack - max stack size (KB)
#        - cpu - max CPU time (MIN)
#        - nproc - max number of processes
#        - as - address space limit (KB)
#        - maxlogins - max number of logins for this user
#        - maxsyslogins - max number of logins on the system
#        - priority - the priority to run user process with
#        - locks - max number of file locks the user can hold
#        - sigpending - max number of pending signals
#        - msgqueue - max memory used by POSIX message queues (bytes)
#        - nice - max nice priority allowed to raise to values: [-20, 19]
#        - rtprio - max realtime priority
#        - chroot - change root to directory (Debian-specific)
#
#<domain>      <type>  <item>         <value>
#

#*               soft    core            0
#root            hard    core            100000
#*               hard    rss             10000
#@student        hard    nproc           20
#@faculty        soft    nproc           20
#@faculty        hard    nproc           50
#ftp             hard    nproc           0
#ftp             -       chroot          /ftp
#@student        -       maxlogins       4

api              soft    nofile          65536
api              hard    nofile          65536

# End of file
`;

function portOf(host: Host): number {
  return Number(host.state.units["api.service"]?.params.port ?? 0);
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 25, 10, 40) + (seed % 83) * 60_000;
  const h = hash32("fd-limit-too-low", seed);
  const hostname = prodHostname(h, ["api", "edge-api", "public-api"], 6);
  const state = createBaseHost({
    seed, hostname, nowMs, rootGiB: 20,
    ...serviceAccount("api", UID, GID),
  });
  const host = new Host(state);
  const longAgo = nowMs - randInt(state, 90, 300) * 86400_000;
  const port = randPick(state, [8080, 8000, 8443, 9000, 3000]);
  fs.mkdir(state, fs.ROOT, "/etc/security", { mtimeMs: longAgo });
  fs.mkdir(state, fs.ROOT, "/etc/security/limits.d", { mtimeMs: longAgo });
  fs.createFile(state, fs.ROOT, "/etc/security/limits.conf", LIMITS_CONF, { mtimeMs: longAgo });
  const bin = fs.createFile(state, fs.ROOT, "/usr/local/bin/api-server", "", { mode: 0o755, mtimeMs: longAgo });
  bin.genBytes = 18_221_056 + randInt(state, 0, 500_000);

  const peakFromMs = nowMs - randInt(state, 20, 55) * 60_000;
  const unit = installUnit(host, {
    name: "api.service", path: UNIT_PATH, text: unitText(port), program: "api-server", mtimeMs: longAgo,
    params: {
      port, version: `3.${randInt(state, 1, 9)}.${randInt(state, 0, 20)}`, cpuShare: 0.18, vszKb: 2_104_332,
      baseDemand: randInt(state, 380, 720), peakDemand: randInt(state, 1150, 1600), peakFromMs, lbNet: "10.0.1",
    },
    memoryKb: randInt(state, 180_000, 260_000),
  });
  state.clock.nowMs = longAgo + 3600_000;
  startUnit(host, unit);

  // Config management added a "hardening" drop-in; the next deploy's restart picked it up.
  const dropInName = randPick(state, ["10-hardening.conf", "limits.conf", "50-cis-baseline.conf"]);
  const dropInAt = nowMs - randInt(state, 3, 9) * 86400_000 - randInt(state, 0, 86400) * 1000;
  fs.mkdir(state, fs.ROOT, `${UNIT_PATH}.d`, { mtimeMs: dropInAt });
  fs.createFile(state, fs.ROOT, `${UNIT_PATH}.d/${dropInName}`,
    `# Managed by config management (role: base-hardening). Local changes will be overwritten.\n` +
    `[Service]\nLimitNOFILE=1024\nLimitCORE=0\nNoNewPrivileges=yes\n`,
    { mtimeMs: dropInAt });
  state.clock.nowMs = dropInAt + randInt(state, 20, 90) * 1000;
  daemonReload(host);
  state.clock.nowMs = nowMs - randInt(state, 1, 2) * 86400_000 - randInt(state, 0, 36_000) * 1000;
  restartUnit(host, unit);
  const proc = host.state.procs[unit.mainPid ?? -1];
  if (!proc || proc.limits.nofile[0] !== 1024) throw new Error("api.service did not come up with the capped limit");

  // Since the peak began the server has been running out of descriptors.
  for (let t = peakFromMs + randInt(state, 5, 40) * 1000; t < nowMs; t += randInt(state, 12, 40) * 1000) {
    host.log({ tsMs: t, ident: "api-server", pid: proc.pid, unit: "api.service", priority: 3, message: EMFILE_LINE });
  }
  state.clock.nowMs = nowMs;
  syncConnections(host, proc, nowMs);
  proc.params = { ...proc.params, nextErrMs: nowMs + randInt(state, 5, 20) * 1000 };
  return host;
}

const highLimit: Check = {
  name: "The running api process has the service's intended open-files limit",
  test: (host) => {
    const u = host.state.units["api.service"];
    const proc = u?.mainPid != null ? host.state.procs[u.mainPid] : undefined;
    return proc !== undefined && proc.limits.nofile[0] >= WANT;
  },
};

export const fdLimitTooLow: ScenarioDefinition = {
  slug: "fd-limit-too-low",
  title: "The API fails under load",
  build,
  checks: [
    unitRunning("api.service", "api.service is running"),
    highLimit,
    { name: "The API answers its health check", test: (host) => httpStatus(portOf(host), "/health", 200, "").test(host) },
  ],
  // The managed drop-in would be overwritten by config management; a later-sorting override.conf wins over it.
  referenceFix: () => [
    `printf '[Service]\\nLimitNOFILE=${WANT}\\n' | sudo tee ${UNIT_PATH}.d/override.conf`,
    "sudo systemctl daemon-reload",
    "sudo systemctl restart api",
  ],
};
