import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { startUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import { reloadForking } from "../services/forking.ts";
import { future, httpStatus, unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";
import { prodHostname, serviceAccount } from "./naming.ts";

/**
 * zombie-processes: thumbd 2.4.0 went out yesterday afternoon. Its SIGHUP
 * handler (logrotate reloads the service at midnight) drops its SIGCHLD
 * handler, so since midnight no `convert` child it forks is ever reaped:
 * hundreds of `[convert] <defunct>` fill the process table. Zombies cannot
 * be killed (they are already dead) and count against the service user's
 * LimitNPROC, so once the limit was reached every fork fails with EAGAIN and
 * the thumbnail health check turned red. The parent has to go: a restart (or
 * killing it, Restart=always brings it back) reparents the zombies to init,
 * which reaps them, and the new process reaps its children again.
 */

const UID = 996;
const GID = 996;
const UNIT = "thumbd.service";
const DAY = 86400_000;

function unitText(port: number, limit: number): string {
  return `[Unit]
Description=Thumbnail renderer
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=thumbd
Group=thumbd
ExecStart=/opt/thumbd/bin/thumbd --listen :${port} --spool /var/spool/thumbd
ExecReload=/bin/kill -HUP $MAINPID
Restart=always
RestartSec=2
LimitNPROC=${limit}

[Install]
WantedBy=multi-user.target
`;
}

const LOGROTATE = `/var/log/thumbd/*.log {
\tdaily
\trotate 14
\tcompress
\tdelaycompress
\tmissingok
\tnotifempty
\tcreate 0640 thumbd thumbd
\tpostrotate
\t\tsystemctl reload thumbd > /dev/null 2>&1 || true
\tendscript
}
`;

function portOf(host: Host): number {
  return Number(host.state.units[UNIT]?.params.port ?? 0);
}

function build(seed: number): Host {
  const midnight = Date.UTC(2026, 10, 27);
  const nowMs = midnight + (2 * 60 + 20) * 60_000 + (seed % 70) * 60_000 + 23_000;
  const h = hash32("zombie-processes", seed);
  const hostname = prodHostname(h, ["media", "img", "thumbs"], 4);
  // The host runs forward from shortly before last night's log rotation.
  const startMs = midnight - 4 * 60_000;
  const state = createBaseHost({
    seed, hostname, nowMs: startMs, rootGiB: 30,
    ...serviceAccount("thumbd", UID, GID, "/var/spool/thumbd"),
  });
  const host = new Host(state);
  state.nextPid = randInt(state, 9_000, 30_000);
  const longAgo = startMs - randInt(state, 60, 300) * DAY;
  const deployAt = midnight - randInt(state, 6, 10) * 3600_000 - randInt(state, 0, 3599) * 1000;
  const port = randPick(state, [8081, 8090, 9100, 7070]);
  const limit = randPick(state, [192, 256, 320]);
  const version = randPick(state, ["2.4.0", "2.4.1"]);

  fs.mkdir(state, fs.ROOT, "/opt/thumbd", { mtimeMs: longAgo });
  fs.mkdir(state, fs.ROOT, "/opt/thumbd/bin", { mtimeMs: deployAt });
  const bin = fs.createFile(state, fs.ROOT, "/opt/thumbd/bin/thumbd", "", { mode: 0o755, mtimeMs: deployAt - 60_000 });
  bin.genBytes = 12_582_912 + randInt(state, 0, 500_000);
  fs.createFile(state, fs.ROOT, "/opt/thumbd/CHANGELOG", `thumbd ${version}\n  * Reopen log files on SIGHUP (for logrotate) instead of copytruncate.\n  * convert: auto-orient before thumbnailing.\n\nthumbd 2.3.7\n  * Health check reports spool backlog.\n`, { mtimeMs: deployAt - 60_000 });
  for (const [dir, uid] of [["/var/spool/thumbd", UID], ["/var/spool/thumbd/in", UID], ["/var/spool/thumbd/out", UID], ["/var/log/thumbd", UID]] as const) {
    fs.mkdir(state, fs.ROOT, dir, { uid, gid: GID, mtimeMs: longAgo });
  }
  if (!fs.tryResolve(state, fs.ROOT, "/etc/logrotate.d")) fs.mkdir(state, fs.ROOT, "/etc/logrotate.d", { mtimeMs: longAgo });
  fs.createFile(state, fs.ROOT, "/etc/logrotate.d/thumbd", LOGROTATE, { mtimeMs: deployAt - 60_000 });
  const unit = installUnit(host, {
    name: UNIT, path: `/etc/systemd/system/${UNIT}`, text: unitText(port, limit), program: "thumbd", mtimeMs: longAgo,
    params: { port, version, cpuShare: 0.02, vszKb: 1_326_400 },
    memoryKb: randInt(state, 60_000, 90_000),
  });

  // thumbd was restarted for the deploy yesterday and has run since; a job every `everyMs`.
  startUnit(host, unit);
  const proc = state.procs[unit.mainPid ?? -1];
  if (!proc) throw new Error("thumbd did not start while building the scenario");
  proc.startMs = deployAt;
  unit.stateSinceMs = deployAt;
  unit.activeEnterMs = deployAt;
  state.journal = state.journal.filter((e) => e.unit !== UNIT);
  host.log({ tsMs: deployAt, ident: "systemd", pid: 1, unit: UNIT, priority: 6, message: `Started ${UNIT} - Thumbnail renderer.` });
  host.log({ tsMs: deployAt + 40, ident: "thumbd", pid: proc.pid, unit: UNIT, priority: 6, message: `thumbd ${version} listening on :${port}, spool /var/spool/thumbd` });
  // Pick the job rate so the zombies reached the limit 15-40 minutes ago.
  const rotateAt = midnight + randInt(state, 2, 40) * 1000;
  const fullAt = nowMs - randInt(state, 15, 40) * 60_000;
  const everyMs = Math.floor((fullAt - rotateAt) / (limit - 1));
  proc.params = { ...proc.params, everyMs, nextJobMs: startMs + randInt(state, 1, 30) * 1000 };
  host.advance(rotateAt - state.clock.nowMs);

  // logrotate.timer at midnight rotates the log and reloads the service: the HUP that broke reaping.
  const sys = (message: string, unitName: string | null = "logrotate.service"): void => host.log({ ident: "systemd", pid: 1, unit: unitName, priority: 6, message });
  sys("Starting logrotate.service - Rotate log files...");
  if (!reloadForking(host, unit)) throw new Error("thumbd reload failed while building the scenario");
  sys("logrotate.service: Deactivated successfully.");
  sys("Finished logrotate.service - Rotate log files.");
  host.advance(nowMs - state.clock.nowMs);
  const zombies = Object.values(state.procs).filter((p) => p.state === "Z").length;
  if (zombies < limit - 3) throw new Error(`expected the zombies to reach LimitNPROC=${limit}, got ${zombies}`);
  return host;
}

const zombieCount = (host: Host): number => Object.values(host.state.procs).filter((p) => p.state === "Z").length;

const noZombies: Check = {
  name: "No zombie processes are left",
  test: (host) => zombieCount(host) === 0,
};

const reapsAgain: Check = {
  name: "thumbd reaps its workers again (no new zombies over the next minutes)",
  test: (host) => zombieCount(future(host, 10 * 60_000)) === 0,
};

export const zombieProcesses: ScenarioDefinition = {
  slug: "zombie-processes",
  title: "Thumbnails stopped, and ps is full of <defunct>",
  build,
  checks: [
    unitRunning(UNIT, "thumbd.service is running"),
    { name: "thumbd answers its health check", test: (host) => httpStatus(portOf(host), "/health", 200, "").test(host) },
    noZombies,
    reapsAgain,
  ],
  referenceFix: () => ["sudo systemctl restart thumbd"],
};
