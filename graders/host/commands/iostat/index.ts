import { CPU_COUNT } from "../../state/cpu.ts";
import { cpuSplit, cpuSplitSinceBoot, DISK, diskRates, diskTotals, type CpuSplit, type DiskRates } from "../../state/io.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { two } from "../format.ts";
import { fail, ok, type HostCommand } from "../types.ts";

/**
 * iostat from sysstat 12.6.1: the since-boot report, then one per interval
 * (`iostat 1 3`); -c CPU only, -d devices only, -x extended statistics, -k/-m
 * units, -y skip the since-boot report, -z omit idle devices, -t timestamps,
 * -p partitions, device operands. Column widths are iostat's printf widths;
 * numbers wider than their column push the line right, as printf does.
 */

const USAGE = `Usage: iostat [ options ] [ <interval> [ <count> ] ]
Options are:
[ -c ] [ -d ] [ -h ] [ -k | -m ] [ -N ] [ -s ] [ -t ] [ -V ] [ -x ] [ -y ] [ -z ]
[ { -f | +f } <directory> ] [ -j { ID | LABEL | PATH | UUID | ... } ]
[ --compact ] [ --dec={ 0 | 1 | 2 } ] [ --human ] [ --pretty ] [ -o JSON ]
[ [ -H ] -g <group_name> ] [ -p [ <device> [,...] | ALL ] ]
[ <device> [...] | ALL ]
`;

/** The Debian cloud image's partitions and the share of the disk's traffic each sees. */
const PARTITIONS: [string, number][] = [["vda1", 0.995], ["vda14", 0], ["vda15", 0.005]];

interface Opts {
  cpu: boolean;
  dev: boolean;
  extended: boolean;
  mb: boolean;
  skipFirst: boolean;
  omitIdle: boolean;
  time: boolean;
  partitions: boolean;
  devices: string[];
  interval: number | null;
  count: number | null;
}

function parse(args: string[]): Opts | null {
  const o: Opts = { cpu: false, dev: false, extended: false, mb: false, skipFirst: false, omitIdle: false, time: false, partitions: false, devices: [], interval: null, count: null };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "-p") {
      o.partitions = true;
      const next = args[i + 1];
      if (next !== undefined && !/^\d+$/.test(next) && !next.startsWith("-")) {
        o.devices.push(...next.split(",").filter((d) => d !== "ALL"));
        i++;
      }
    } else if (a === "--human" || a === "--pretty" || a === "--compact") continue;
    else if (/^-[cdkmxyztNhs]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === "c") o.cpu = true;
        else if (c === "d") o.dev = true;
        else if (c === "x") o.extended = true;
        else if (c === "m") o.mb = true;
        else if (c === "k") o.mb = false;
        else if (c === "y") o.skipFirst = true;
        else if (c === "z") o.omitIdle = true;
        else if (c === "t") o.time = true;
      }
    } else if (/^\d+$/.test(a)) {
      if (o.interval === null) o.interval = Number(a);
      else if (o.count === null) o.count = Number(a);
      else return null;
    } else if (a.startsWith("-")) return null;
    else if (a !== "ALL") o.devices.push(a.replace(/^\/dev\//, ""));
  }
  // Neither -c nor -d: both reports.
  if (!o.cpu && !o.dev) o.cpu = o.dev = true;
  return o;
}

const f2 = (n: number, w: number): string => n.toFixed(2).padStart(w);
const int = (n: number, w: number): string => String(Math.round(n)).padStart(w);

function cpuBlock(c: CpuSplit): string {
  return `avg-cpu:  %user   %nice %system %iowait  %steal   %idle\n       ${[c.user, c.nice, c.system, c.iowait, c.steal, c.idle].map((v) => f2(v, 8)).join("")}\n\n`;
}

interface Sample {
  name: string;
  rates: DiskRates;
  totals: { readKb: number; writeKb: number };
}

function basicBlock(rows: Sample[], mb: boolean): string {
  const u = mb ? "MB" : "kB";
  const scale = mb ? 1024 : 1;
  let out = `Device             tps    ${u}_read/s    ${u}_wrtn/s    ${u}_dscd/s    ${u}_read    ${u}_wrtn    ${u}_dscd\n`;
  for (const { name, rates: r, totals: t } of rows) {
    out += `${name.padEnd(13)}${f2(r.rIops + r.wIops, 9)}${f2(r.rKbps / scale, 13)}${f2(r.wKbps / scale, 13)}${f2(0, 13)}${int(Math.floor(t.readKb / scale), 11)}${int(Math.floor(t.writeKb / scale), 11)}${int(0, 11)}\n`;
  }
  return out;
}

function extendedBlock(rows: Sample[], mb: boolean): string {
  const u = mb ? "MB" : "kB";
  const scale = mb ? 1024 : 1;
  const group = (p: string): string => `${`${p}/s`.padStart(8)}${`${p}${u}/s`.padStart(10)}${`${p}rqm/s`.padStart(9)}${`%${p}rqm`.padStart(7)}${`${p}_await`.padStart(8)}${`${p}areq-sz`.padStart(9)}`;
  let out = `${"Device".padEnd(13)}${group("r")}${group("w")}${group("d")}${"f/s".padStart(8)}${"f_await".padStart(8)}${"aqu-sz".padStart(8)}${"%util".padStart(7)}\n`;
  for (const { name, rates: r } of rows) {
    // Sequential streams merge a little; small synchronous writes (journald, fsync) merge a lot.
    const rrqm = r.rIops * 0.04;
    const wrqm = r.wIops * 0.35;
    const cols = (iops: number, kb: number, rqm: number, wait: number): string =>
      `${f2(iops, 8)}${f2(kb / scale, 10)}${f2(rqm, 9)}${f2(iops + rqm > 0 ? (rqm * 100) / (iops + rqm) : 0, 7)}${f2(wait, 8)}${f2(iops > 0 ? kb / iops : 0, 9)}`;
    const flushes = r.wIops > 0 ? Math.min(r.wIops, 0.9) : 0;
    out += `${name.padEnd(13)}${cols(r.rIops, r.rKbps, rrqm, r.rAwait)}${cols(r.wIops, r.wKbps, wrqm, r.wAwait)}${cols(0, 0, 0, 0)}${f2(flushes, 8)}${f2(flushes > 0 ? 0.41 : 0, 8)}${f2(r.queue, 8)}${f2(r.util, 7)}\n`;
  }
  return out;
}

/** The device rows of one report: the disk, its partitions with -p, filtered by operands and -z. */
function samples(rt: Runtime, o: Opts, first: boolean): Sample[] {
  const host = rt.host;
  const totals = diskTotals(host);
  const upSec = Math.max(1, (host.now - host.state.clock.bootMs) / 1000);
  const rates: DiskRates = first
    ? {
        rIops: totals.reads / upSec, rKbps: totals.readKb / upSec, wIops: totals.writes / upSec, wKbps: totals.writeKb / upSec,
        rAwait: 0.52, wAwait: 1.37, queue: 0.01, util: Math.min(100, ((totals.reads + totals.writes) / upSec / 3000) * 100 + 0.08),
      }
    : diskRates(host);
  const all: Sample[] = [{ name: DISK, rates, totals }];
  if (o.partitions) {
    for (const [name, share] of PARTITIONS) {
      const scaled = { ...rates, rIops: rates.rIops * share, rKbps: rates.rKbps * share, wIops: rates.wIops * share, wKbps: rates.wKbps * share, queue: rates.queue * share, util: rates.util * share };
      all.push({ name, rates: scaled, totals: { readKb: totals.readKb * share, writeKb: totals.writeKb * share } });
    }
  }
  // Device operands pick devices; -p with names lists those disks and their partitions.
  const wanted = o.devices.length ? all.filter((s) => o.devices.some((d) => s.name === d || (o.partitions && s.name.startsWith(d)))) : all;
  // Without -p, partitions never show; without operands, a device with no I/O at all since boot is hidden.
  return wanted.filter((s) => !o.omitIdle || s.rates.rIops + s.rates.wIops > 0.005);
}

function header(rt: Runtime): string {
  const d = new Date(rt.host.now);
  const date = `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${two(d.getUTCFullYear() % 100)}`;
  return `Linux 6.1.0-27-cloud-amd64 (${rt.host.state.hostname}) \t${date} \t_x86_64_\t(${CPU_COUNT} CPU)\n\n`;
}

function timestamp(rt: Runtime): string {
  const d = new Date(rt.host.now);
  return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}\n`;
}

function report(rt: Runtime, o: Opts, first: boolean): string {
  let out = o.time ? timestamp(rt) : "";
  if (o.cpu) out += cpuBlock(first ? cpuSplitSinceBoot(rt.host) : cpuSplit(rt.host));
  if (o.dev) {
    const rows = samples(rt, o, first);
    out += (o.extended ? extendedBlock(rows, o.mb) : basicBlock(rows, o.mb)) + "\n";
  } else out += "\n";
  return out + "\n";
}

export const iostat: HostCommand = {
  name: "iostat",
  async run(args, _ctx, rt) {
    const o = parse(args);
    if (!o) return fail(USAGE, 1);
    if (o.interval === 0) o.interval = null;
    // An interval without a count runs until interrupted; without Ctrl-C here it stops after ten reports.
    const count = o.interval === null ? 1 : o.count ?? 10;
    let out = header(rt);
    if (o.skipFirst) out += "\n";
    for (let i = 0; i < count; i++) {
      if (i > 0 || o.skipFirst) rt.host.advance((o.interval ?? 0) * 1000);
      out += report(rt, o, i === 0 && !o.skipFirst);
    }
    return ok(out);
  },
};
