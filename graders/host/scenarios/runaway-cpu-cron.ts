import { createBaseHost } from "../state/debian.ts";
import * as fs from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { hash32, randInt, randPick } from "../state/rng.ts";
import { future, unitRunning } from "./checks.ts";
import type { Check, ScenarioDefinition } from "./types.ts";
import { prodHostname } from "./naming.ts";

/**
 * runaway-cpu-cron: the nightly full rebuild of the sales reports
 * (/opt/reports/bin/reportgen, two hours of CPU) was "tested" this afternoon
 * by adding a `* * * * *` line to /etc/cron.d/reportgen next to the
 * commented-out nightly one, and nobody put it back. cron starts another
 * rebuild every minute; none finishes, so the copies pile up and the load
 * climbs far past the two vCPUs. Killing them is not enough (a new one starts
 * on the next minute), stopping cron breaks every other job, and the
 * program and its data must stay. Fixed: the schedule back to nightly (or the
 * line disabled) and the running copies gone.
 */

const UID = 997;
const GID = 997;
const BIN = "/opt/reports/bin/reportgen";
const CRON_FILE = "/etc/cron.d/reportgen";
const LOG = "/var/log/reports/reportgen.log";
const HEARTBEAT = "/var/lib/prometheus/node-exporter/cron_heartbeat.prom";
const DATA = "/opt/reports/data";
const OUT = "/opt/reports/out";
const DAY = 86400_000;
const MIB = 1024 * 1024;

const ymd = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** What the scenario decided, kept on the host so checks and the reference fix read the same facts. */
function facts(host: Host): { flag: string; nightly: string; dataFiles: number; outFiles: number } {
  const p = host.state.execs?.[BIN]?.params ?? {};
  return { flag: String(p.flag), nightly: String(p.nightly), dataFiles: Number(p.dataFiles), outFiles: Number(p.outFiles) };
}

function cronFile(nightly: string, flag: string, testing: boolean): string {
  const line = `reports ${BIN} ${flag}`;
  return `# reportgen: nightly full rebuild of the sales reports (data team, OPS-2291)
# Takes about two hours at full CPU. Output: ${OUT}, log: ${LOG}
MAILTO=""
${testing ? `#${nightly} ${line}\n* * * * * ${line}` : `${nightly} ${line}`}
`;
}

function build(seed: number): Host {
  const nowMs = Date.UTC(2026, 10, 26, 14, 0) + (seed % 113) * 60_000 + 17_000;
  const h = hash32("runaway-cpu-cron", seed);
  const hostname = prodHostname(h, ["reports", "bi", "analytics"], 4);
  // An hour of history before now: the host boots its cron model that far back and runs forward.
  const startMs = nowMs - 64 * 60_000;
  const state = createBaseHost({
    seed, hostname, nowMs: startMs, rootGiB: 40,
    extraUsers: [{ name: "reports", uid: UID, gid: GID, gecos: "Sales reports", home: "/opt/reports", shell: "/usr/sbin/nologin" }],
    extraGroups: [{ name: "reports", gid: GID, members: [] }],
  });
  const host = new Host(state);
  // Three days of uptime: pids are in the tens of thousands by now.
  state.nextPid = randInt(state, 18_000, 42_000);
  const longAgo = startMs - randInt(state, 60, 200) * DAY;
  const flag = randPick(state, ["--full-rebuild", "--rebuild-all", "--full"]);
  const nightly = randPick(state, ["30 2 * * *", "15 3 * * *", "45 1 * * *"]);
  const [nm, nh] = nightly.split(" ").map(Number) as [number, number];
  const since = "2024-01-01";
  const today = Date.UTC(2026, 10, 26);

  // The program, its archive of daily exports, and the reports the nightly runs wrote.
  fs.mkdir(state, fs.ROOT, "/opt/reports", { uid: UID, gid: GID, mtimeMs: longAgo });
  fs.mkdir(state, fs.ROOT, "/opt/reports/bin", { mtimeMs: longAgo });
  const bin = fs.createFile(state, fs.ROOT, BIN, "", { mode: 0o755, mtimeMs: startMs - randInt(state, 3, 20) * DAY });
  bin.genBytes = 9_871_360 + randInt(state, 0, 400_000);
  fs.mkdir(state, fs.ROOT, DATA, { uid: UID, gid: GID, mtimeMs: today - DAY });
  fs.mkdir(state, fs.ROOT, OUT, { uid: UID, gid: GID, mtimeMs: today });
  const days = randInt(state, 40, 60);
  for (let d = days; d >= 1; d--) {
    const day = today - d * DAY;
    const csv = fs.createFile(state, fs.ROOT, `${DATA}/sales-${ymd(day)}.csv.gz`, "", { uid: UID, gid: GID, mode: 0o640, mtimeMs: day + DAY + 70 * 60_000 });
    csv.genBytes = randInt(state, 18, 40) * MIB + randInt(state, 0, MIB);
  }
  const outDays = 14;
  for (let d = outDays; d >= 1; d--) {
    const day = today - d * DAY;
    const pdf = fs.createFile(state, fs.ROOT, `${OUT}/daily-${ymd(day)}.pdf`, "", { uid: UID, gid: GID, mode: 0o644, mtimeMs: day + DAY + (nh * 60 + nm + 125) * 60_000 });
    pdf.genBytes = randInt(state, 300, 900) * 1024;
  }

  // The log of the nightly runs: started at the scheduled minute, done about two hours later.
  fs.mkdir(state, fs.ROOT, "/var/log/reports", { uid: UID, gid: GID, mtimeMs: longAgo });
  let log = "";
  for (let d = 7; d >= 0; d--) {
    const run = today - d * DAY + (nh * 60 + nm) * 60_000 + 1000;
    const took = (2 * 3600 + randInt(state, 0, 900)) * 1000;
    const pid = randInt(state, 20_000, 60_000);
    const upTo = ymd(run - DAY);
    const n = Math.round((Date.parse(upTo) - Date.parse(since)) / DAY) + 1;
    log += `${iso(run)} reportgen[${pid}]: full rebuild of sales reports started (${since}..${upTo}, ${n} days)\n`;
    log += `${iso(run + took)} reportgen[${pid}]: full rebuild finished in ${Math.floor(took / 3600_000)}h${String(Math.floor((took % 3600_000) / 60_000)).padStart(2, "0")}m${String(Math.floor((took % 60_000) / 1000)).padStart(2, "0")}s, ${n} reports written to ${OUT}\n`;
  }
  fs.createFile(state, fs.ROOT, LOG, log, { uid: UID, gid: GID, mode: 0o644, mtimeMs: today + (nh * 60 + nm + 128) * 60_000 });
  const upTo = ymd(today - DAY);
  const n = Math.round((Date.parse(upTo) - Date.parse(since)) / DAY) + 1;

  // What the executables do when cron runs them.
  state.execs = {
    [BIN]: {
      program: "cpu-spin",
      params: {
        logFile: LOG, startLine: `{iso} reportgen[{pid}]: full rebuild of sales reports started (${since}..${upTo}, ${n} days)`,
        vszKb: 412_212, rssKb: randInt(state, 24_000, 40_000), flag, nightly, dataFiles: days, outFiles: outDays,
      },
    },
    "/usr/local/bin/cron-heartbeat": {
      program: "write-file",
      params: { path: HEARTBEAT, text: "# HELP cron_heartbeat_timestamp_seconds Last time cron ran its heartbeat job.\n# TYPE cron_heartbeat_timestamp_seconds gauge\ncron_heartbeat_timestamp_seconds {epoch}\n" },
    },
  };
  fs.createFile(state, fs.ROOT, "/usr/local/bin/cron-heartbeat", "#!/bin/sh\n# Tell monitoring that cron is alive.\nset -e\nout=/var/lib/prometheus/node-exporter/cron_heartbeat.prom\nprintf '# HELP cron_heartbeat_timestamp_seconds Last time cron ran its heartbeat job.\\n# TYPE cron_heartbeat_timestamp_seconds gauge\\ncron_heartbeat_timestamp_seconds %s\\n' \"$(date +%s)\" > \"$out.$$\"\nmv \"$out.$$\" \"$out\"\n", { mode: 0o755, mtimeMs: longAgo });
  for (const dir of ["/var/lib/prometheus", "/var/lib/prometheus/node-exporter"]) fs.mkdir(state, fs.ROOT, dir, { mtimeMs: longAgo });
  fs.createFile(state, fs.ROOT, HEARTBEAT, "", { mtimeMs: startMs - 30_000 });
  fs.createFile(state, fs.ROOT, "/etc/cron.d/node-heartbeat", "# Monitoring alerts when this file is older than 5 minutes.\n* * * * * root /usr/local/bin/cron-heartbeat\n", { mtimeMs: longAgo });
  fs.createFile(state, fs.ROOT, CRON_FILE, cronFile(nightly, flag, false), { mtimeMs: startMs - randInt(state, 3, 20) * DAY });

  // The afternoon runs quietly until someone "tests" the job by running it every minute.
  const editAt = nowMs - randInt(state, 8, 12) * 60_000 - randInt(state, 20, 40) * 1000;
  host.advance(editAt - startMs - 40_000);
  const sudoPid = randInt(state, 20_000, 30_000);
  const sudo = (pid: number, cmd: string): void => {
    host.log({ ident: "sudo", pid, unit: null, priority: 5, message: `   admin : TTY=pts/1 ; PWD=/home/admin ; USER=root ; COMMAND=${cmd}` });
    host.log({ ident: "sudo", pid, unit: null, priority: 6, message: "pam_unix(sudo:session): session opened for user root(uid=0) by admin(uid=1000)" });
  };
  sudo(sudoPid, `/usr/bin/vi ${CRON_FILE}`);
  host.advance(40_000);
  fs.writeFile(state, fs.ROOT, CRON_FILE, cronFile(nightly, flag, true), false);
  host.log({ ident: "sudo", pid: sudoPid, unit: null, priority: 6, message: "pam_unix(sudo:session): session closed for user root" });
  host.advance(nowMs - state.clock.nowMs);
  const copies = Object.values(state.procs).filter((p) => p.exe === BIN).length;
  if (copies < 1) throw new Error(`expected the reportgen copies to pile up, got ${copies}`);
  return host;
}

const running = (host: Host): number => Object.values(host.state.procs).filter((p) => p.exe === BIN && p.state !== "Z").length;

const noneRunning: Check = {
  name: "No reportgen rebuilds are running",
  test: (host) => running(host) === 0,
};

const noneStarting: Check = {
  name: "cron does not start new reportgen rebuilds over the next minutes",
  test: (host) => {
    const later = future(host, 10 * 60_000);
    return !Object.values(later.state.procs).some((p) => p.exe === BIN && p.startMs > host.now);
  },
};

const otherJobs: Check = {
  name: "cron still runs the other jobs (monitoring's heartbeat)",
  test: (host) => {
    const later = future(host, 3 * 60_000);
    const beat = fs.tryResolve(later.state, fs.ROOT, HEARTBEAT);
    return beat !== null && beat.inode.mtimeMs > host.now + 60_000;
  },
};

const intact: Check = {
  name: "The reports program and its data are still there",
  test: (host) => {
    const f = facts(host);
    const bin = fs.tryResolve(host.state, fs.ROOT, BIN);
    const count = (dir: string): number => {
      const found = fs.tryResolve(host.state, fs.ROOT, dir);
      return found && found.inode.kind === "dir" ? Object.keys(found.inode.entries).length : 0;
    };
    return bin !== null && bin.inode.kind === "file" && count(DATA) >= f.dataFiles && count(OUT) >= f.outFiles;
  },
};

export const runawayCpuCron: ScenarioDefinition = {
  slug: "runaway-cpu-cron",
  title: "The server is crawling",
  build,
  checks: [noneRunning, noneStarting, unitRunning("cron.service", "cron is running"), otherJobs, intact],
  referenceFix: (host) => {
    const { nightly } = facts(host);
    return [
      // Back to the nightly schedule: drop the every-minute test line, uncomment the original.
      `sudo sed -i -e '/^\\* \\* \\* \\* \\* /d' -e 's/^#${nightly.replace(/\*/g, "\\*")} /${nightly} /' ${CRON_FILE}`,
      "sudo pkill -u reports -x reportgen",
    ];
  },
};
