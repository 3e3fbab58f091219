import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { userByName } from "../state/users.ts";
import { restartUnit, startUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import { releaseConfigError } from "../programs/release-app.ts";
import { httpStatus, unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";
import { prodHostname } from "./naming.ts";
import { appServerUnit } from "./app-unit.ts";

/**
 * dangling-config-symlink: the app is deployed as releases under
 * /opt/app/releases/<id>, with /opt/app/current pointing at the newest and
 * /etc/app/config.yml a symlink to a release's config. Long ago someone
 * pinned that link to one release's directory instead of current/, and it
 * kept working until today's deploy: app-deploy keeps the newest three
 * releases, pruned the pinned one, and restarted the app. The link now
 * dangles, so app-server exits at start with "open /etc/app/config.yml: no
 * such file or directory" although `ls /etc/app` lists the file, and
 * Restart=always keeps it in a crash loop. The new release also needs a
 * setting (`tracing.endpoint`, seeded) that only its own config.yml has, so
 * pointing the link at an older surviving release does not help.
 *
 * Fixed: the link resolves to the deployed release's config.yml (best via
 * /opt/app/current/config.yml), the app is up and healthy, and the deployed
 * release is still the current one. A copy of the file instead of the link
 * makes the app start but breaks the deploy scheme: not accepted.
 */

const UID = 102;
const GID = 108;
const DEPLOY_UID = 1001;
const CONFIG = "/etc/app/config.yml";
const LOG = "/var/log/app/app.log";
const ROOT_DIR = "/opt/app";

function unitText(port: number, restartSec: number): string {
  return appServerUnit({ execStart: `${ROOT_DIR}/current/bin/app-server --config ${CONFIG} --port ${port} --log ${LOG}`, restartSec });
}

interface ConfigParams {
  port: number;
  dbHost: string;
  pool: number;
  release: string;
  /** The section a release introduced: [section, key, value]. */
  extra: [string, string, string] | null;
}

function configText(p: ConfigParams): string {
  const extra = p.extra ? `\n${p.extra[0]}:\n  ${p.extra[1]}: ${p.extra[2]}\n` : "";
  return `# app-server configuration (shipped with release ${p.release})
server:
  listen: ":${p.port}"
  read_timeout: 10s
  write_timeout: 10s

database:
  host: ${p.dbHost}
  port: 5432
  name: app
  user: app
  password_file: /etc/app/db-password
  pool_size: ${p.pool}

log:
  file: ${LOG}
  level: info
${extra}`;
}

const DEPLOY_SCRIPT = `#!/bin/bash
# app-deploy TARBALL: unpack a release, switch current/, prune old releases, restart.
set -euo pipefail

ROOT=${ROOT_DIR}
KEEP=3
tarball="$1"
id="$(basename "$tarball" .tar.gz)"
id="\${id#app-}"

mkdir -p "$ROOT/releases/$id"
tar -xzf "$tarball" -C "$ROOT/releases/$id"
logger -t app-deploy "release $id unpacked to $ROOT/releases/$id"

ln -sfn "releases/$id" "$ROOT/current.new"
mv -T "$ROOT/current.new" "$ROOT/current"
logger -t app-deploy "current -> releases/$id"

# Keep the newest $KEEP releases.
ls -1d "$ROOT"/releases/*/ | sort | head -n -"$KEEP" | while read -r old; do
  rm -rf -- "$old"
  logger -t app-deploy "pruned release $(basename "$old")"
done

systemctl restart app.service
logger -t app-deploy "restarted app.service"
`;

/** Release ids like app-deploy makes them: the build's UTC date and time. */
function releaseId(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}`;
}

function portOf(host: Host): number {
  return Number(host.state.units["app.service"]?.params.port ?? 0);
}

/** The release app-deploy installed today, as recorded on the unit when it was built. */
function deployedRelease(host: Host): string {
  return String(host.state.units["app.service"]?.params.release ?? "");
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 25, 14, 40) + (seed % 97) * 60_000;
  const h = hash32("dangling-config-symlink", seed);
  const hostname = prodHostname(h, ["api", "orders", "catalog"], 6);
  const state = createBaseHost({
    seed, hostname, nowMs, rootGiB: 20,
    extraUsers: [
      { name: "app", uid: UID, gid: GID, gecos: "", home: "/nonexistent", shell: "/usr/sbin/nologin" },
      { name: "deploy", uid: DEPLOY_UID, gid: DEPLOY_UID, gecos: "CI deploys", home: "/home/deploy", shell: "/bin/bash" },
    ],
    extraGroups: [{ name: "app", gid: GID, members: [] }, { name: "deploy", gid: DEPLOY_UID, members: [] }],
  });
  const host = new Host(state);
  const port = randPick(state, [8080, 8000, 8081, 9000, 3000]);
  const restartSec = randPick(state, [10, 15, 20]);
  const dbHost = `${randPick(state, ["db", "pg", "postgres"])}-0${randInt(state, 1, 3)}.internal`;
  const pool = randPick(state, [10, 20, 25]);
  const extra = randPick(state, [
    ["tracing", "endpoint", `http://otel-collector.internal:${randPick(state, [4318, 4317])}`],
    ["queue", "url", `amqp://mq-0${randInt(state, 1, 3)}.internal:5672/app`],
    ["cache", "addr", `redis-0${randInt(state, 1, 3)}.internal:6379`],
  ] as [string, string, string][]);

  // Five releases a few days apart; the pinned one is the second, today's the fifth.
  // Recent enough that journald (a 2000-entry ring here) still holds the deploy under the crash loop.
  const deployAt = nowMs - randInt(state, 12, 30) * 60_000;
  const times: number[] = [deployAt];
  for (let i = 0; i < 4; i++) times.unshift((times[0] as number) - randInt(state, 2, 6) * 86400_000 - randInt(state, 0, 36_000) * 1000);
  const ids = times.map(releaseId);
  const [, pinned, , previous, latest] = ids as [string, string, string, string, string];
  const longAgo = (times[0] as number) - 90 * 86400_000;

  fs.createFile(state, fs.ROOT, "/usr/local/bin/app-deploy", DEPLOY_SCRIPT, { mode: 0o755, mtimeMs: longAgo });
  fs.mkdir(state, fs.ROOT, "/home/deploy", { uid: DEPLOY_UID, gid: DEPLOY_UID, mode: 0o750, mtimeMs: longAgo });
  fs.mkdir(state, fs.ROOT, "/var/log/app", { uid: UID, gid: GID, mode: 0o755, mtimeMs: longAgo });
  fs.mkdir(state, fs.ROOT, ROOT_DIR, { mtimeMs: longAgo });
  fs.mkdir(state, fs.ROOT, `${ROOT_DIR}/releases`, { mtimeMs: longAgo });
  fs.mkdir(state, fs.ROOT, "/etc/app", { mode: 0o755, mtimeMs: longAgo });
  fs.createFile(state, fs.ROOT, "/etc/app/db-password", `${hash32(seed, "pw").toString(36)}${hash32(seed, "pw2").toString(36)}\n`, { gid: GID, mode: 0o640, mtimeMs: longAgo });
  fs.createFile(state, fs.ROOT, "/etc/app/logging.yml", "format: json\nsampling:\n  initial: 100\n  thereafter: 100\n", { gid: GID, mode: 0o640, mtimeMs: longAgo });
  const binSize = randInt(state, 13_900_000, 15_200_000);
  const addRelease = (i: number): void => {
    const id = ids[i] as string;
    const at = times[i] as number;
    const dir = `${ROOT_DIR}/releases/${id}`;
    // Directories get the mtime of their last change: unpacking happened at the release's time.
    const saved = state.clock.nowMs;
    state.clock.nowMs = at;
    fs.mkdir(state, fs.ROOT, dir, { mtimeMs: at });
    fs.mkdir(state, fs.ROOT, `${dir}/bin`, { mtimeMs: at - 600_000 });
    const bin = fs.createFile(state, fs.ROOT, `${dir}/bin/app-server`, "", { mode: 0o755, mtimeMs: at - 600_000 });
    bin.genBytes = binSize + i * randInt(state, 4_000, 60_000);
    fs.createFile(state, fs.ROOT, `${dir}/config.yml`, configText({ port, dbHost, pool, release: id, extra: i === 4 ? extra : null }), { gid: GID, mode: 0o640, mtimeMs: at - 600_000 });
    fs.createFile(state, fs.ROOT, `${dir}/REVISION`, `${hash32(seed, id).toString(16).padStart(8, "0")}${hash32(id, seed).toString(16).padStart(8, "0")}\n`, { mtimeMs: at - 600_000 });
    state.clock.nowMs = saved;
  };
  for (let i = 0; i < 4; i++) addRelease(i);
  state.clock.nowMs = times[1] as number;
  // During an incident someone pointed the config at that release's file rather than current/'s.
  fs.symlink(state, fs.ROOT, `${ROOT_DIR}/releases/${pinned}/config.yml`, CONFIG, { mtimeMs: (times[1] as number) + randInt(state, 2, 30) * 60_000 });
  fs.symlink(state, fs.ROOT, `releases/${previous}`, `${ROOT_DIR}/current`, { mtimeMs: times[3] });

  const unit = installUnit(host, {
    name: "app.service", path: "/etc/systemd/system/app.service", text: unitText(port, restartSec), program: "release-app", mtimeMs: longAgo,
    params: { logFile: LOG, port, bytesPerSec: randInt(state, 2_000, 6_000), cpuShare: 0.03, vszKb: 1_254_112, release: previous, requires: "" },
    memoryKb: randInt(state, 70_000, 110_000),
  });
  state.clock.nowMs = (times[3] as number) + 20_000;
  startUnit(host, unit);
  if (unit.activeState !== "active") throw new Error("app.service did not start while building the scenario");
  const log = fs.resolve(state, fs.ROOT, LOG).inode;
  if (log.kind === "file") log.genBytes = randInt(state, 20, 80) * 1024 * 1024;

  // Today's deploy, run by CI over ssh: unpack, switch current/, prune to three, restart.
  state.clock.nowMs = deployAt - 15_000;
  const ciAddr = `10.0.${randInt(state, 2, 9)}.${randInt(state, 10, 250)}`;
  let pid = randInt(state, 20_000, 40_000);
  const next = (): number => (pid += randInt(state, 3, 60));
  const sshd = next();
  host.log({ ident: "sshd", pid: sshd, unit: "ssh.service", priority: 6, message: `Accepted publickey for deploy from ${ciAddr} port ${randInt(state, 40_000, 60_999)} ssh2: ED25519 SHA256:Zk3v9QfJr0Lw2Xn6Hd8Tb4Yc1Mp7Gs5Ea0Ru3Io2Vq` });
  host.log({ ident: "sshd", pid: sshd, unit: "ssh.service", priority: 6, message: "pam_unix(sshd:session): session opened for user deploy(uid=1001) by (uid=0)" });
  state.clock.nowMs = deployAt;
  const sudo = next();
  host.log({ ident: "sudo", pid: sudo, unit: null, priority: 5, message: `  deploy : PWD=/home/deploy ; USER=root ; COMMAND=/usr/local/bin/app-deploy /tmp/app-${latest}.tar.gz` });
  host.log({ ident: "sudo", pid: sudo, unit: null, priority: 6, message: "pam_unix(sudo:session): session opened for user root(uid=0) by deploy(uid=1001)" });
  addRelease(4);
  const deployLog = (message: string): void => host.log({ ident: "app-deploy", pid: next(), unit: null, priority: 5, message });
  deployLog(`release ${latest} unpacked to ${ROOT_DIR}/releases/${latest}`);
  state.clock.nowMs += 1_000;
  fs.unlink(state, fs.ROOT, `${ROOT_DIR}/current`);
  fs.symlink(state, fs.ROOT, `releases/${latest}`, `${ROOT_DIR}/current`);
  deployLog(`current -> releases/${latest}`);
  for (const old of ids.slice(0, 2)) {
    removeTree(state, `${ROOT_DIR}/releases/${old}`);
    deployLog(`pruned release ${old}`);
  }
  state.clock.nowMs += 400;
  unit.params = { ...unit.params, release: latest, requires: `${extra[0]}.${extra[1]}` };
  restartUnit(host, unit);
  deployLog("restarted app.service");
  host.log({ ident: "sudo", pid: sudo, unit: null, priority: 6, message: "pam_unix(sudo:session): session closed for user root" });
  host.log({ ident: "sshd", pid: sshd, unit: "ssh.service", priority: 6, message: "pam_unix(sshd:session): session closed for user deploy" });
  // Restart=always: it has been crash-looping since.
  host.advance(Math.max(0, nowMs - state.clock.nowMs));
  state.clock.nowMs = nowMs;
  if (unit.restarts < 5) throw new Error("app.service is not crash-looping");
  return host;
}

/** rm -rf of a release directory the scenario built (files and subdirectories only). */
function removeTree(state: Host["state"], dir: string): void {
  for (const entry of fs.readdir(state, fs.ROOT, dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.inode.kind === "dir") removeTree(state, path);
    else fs.unlink(state, fs.ROOT, path);
  }
  fs.rmdir(state, fs.ROOT, dir);
}

const followsRelease: Check = {
  name: `${CONFIG} is the deployed release's configuration, linked as the deploy expects`,
  test: (host) => {
    const link = fs.tryResolve(host.state, fs.ROOT, CONFIG, false);
    const config = fs.tryResolve(host.state, fs.ROOT, CONFIG);
    const shipped = fs.tryResolve(host.state, fs.ROOT, `${ROOT_DIR}/releases/${deployedRelease(host)}/config.yml`);
    return link?.inode.kind === "symlink" && config !== null && shipped !== null && config.inode.ino === shipped.inode.ino;
  },
};

const latestDeployed: Check = {
  name: "The release deployed today is still the current one",
  test: (host) => fs.tryResolve(host.state, fs.ROOT, `${ROOT_DIR}/current`)?.path === `${ROOT_DIR}/releases/${deployedRelease(host)}`,
};

/** The next start (a deploy, a reboot) must work too. */
const wouldRestart: Check = {
  name: "app.service would start again after a restart",
  test: (host) => {
    const user = userByName(host.state, "app");
    const unit = host.state.units["app.service"];
    return user !== undefined && unit !== undefined && unit.user === "app" && releaseConfigError(host, user, CONFIG, String(unit.params.requires ?? "")) === null;
  },
};

export const danglingConfigSymlink: ScenarioDefinition = {
  slug: "dangling-config-symlink",
  title: "The config file is there, the app says it is not",
  build,
  checks: [
    unitRunning("app.service", "app.service is running"),
    { name: "The app answers its health check", test: (host) => httpStatus(portOf(host), "/health", 200, "").test(host) },
    followsRelease,
    latestDeployed,
    wouldRestart,
  ],
  referenceFix: () => [
    `sudo ln -sfn ${ROOT_DIR}/current/config.yml ${CONFIG}`,
    "sudo systemctl restart app",
  ],
};
