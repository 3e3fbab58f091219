import * as fs from "../state/fs.ts";
import type { Host } from "../state/host.ts";
import type { Unit } from "../state/types.ts";
import { applyUnitFile, emptyConfig, type UnitConfig } from "./unit-file.ts";

/**
 * Unit definitions live as files in the host's filesystem; what systemd runs
 * is the configuration it parsed at the last load. Editing a file changes
 * nothing until `daemon-reload`, exactly the trap real hosts set.
 */

export interface UnitSpec {
  name: string;
  /** Fragment path, e.g. /etc/systemd/system/app.service. */
  path: string;
  text: string;
  program: string;
  params?: Record<string, string | number>;
  memoryKb?: number;
  enabled?: boolean;
  mtimeMs?: number;
}

interface Loaded {
  cfg: UnitConfig;
  dropIns: string[];
  mtimeMs: number;
}

/** The drop-in directory `/etc/systemd/system/NAME.d/*.conf`, sorted by file name as systemd applies them. */
export function dropInPaths(host: Host, name: string): string[] {
  const dir = `/etc/systemd/system/${name}.d`;
  const found = fs.tryResolve(host.state, fs.ROOT, dir);
  if (!found || found.inode.kind !== "dir") return [];
  return Object.keys(found.inode.entries).filter((n) => n.endsWith(".conf")).sort().map((n) => `${dir}/${n}`);
}

function readText(host: Host, path: string): { text: string; mtimeMs: number } | null {
  const found = fs.tryResolve(host.state, fs.ROOT, path);
  if (!found || found.inode.kind !== "file") return null;
  return { text: fs.readFileRange(found.inode, 0, 1_000_000), mtimeMs: found.inode.mtimeMs };
}

export function loadFromDisk(host: Host, fragmentPath: string, name: string): Loaded | null {
  const fragment = readText(host, fragmentPath);
  if (!fragment) return null;
  let cfg = applyUnitFile(emptyConfig(), fragment.text);
  let mtimeMs = fragment.mtimeMs;
  const dropIns = dropInPaths(host, name);
  for (const p of dropIns) {
    const d = readText(host, p);
    if (!d) continue;
    cfg = applyUnitFile(cfg, d.text);
    mtimeMs = Math.max(mtimeMs, d.mtimeMs);
  }
  return { cfg, dropIns, mtimeMs };
}

/** Newest mtime of the unit's files on disk now, to compare with what was loaded. */
export function diskMtime(host: Host, unit: Unit): number {
  let m = readText(host, unit.fragmentPath)?.mtimeMs ?? 0;
  for (const p of dropInPaths(host, unit.name)) m = Math.max(m, readText(host, p)?.mtimeMs ?? 0);
  return m;
}

export function needsReload(host: Host, unit: Unit): boolean {
  return diskMtime(host, unit) > unit.loadedMtimeMs || dropInPaths(host, unit.name).join() !== unit.dropIns.join();
}

function applyConfig(unit: Unit, loaded: Loaded): void {
  const { cfg } = loaded;
  unit.description = cfg.description || unit.name;
  unit.execStart = cfg.execStart;
  unit.user = cfg.user;
  unit.restart = cfg.restart;
  unit.environment = cfg.environment;
  unit.environmentFiles = cfg.environmentFiles;
  if (cfg.restartSecMs === undefined) delete unit.restartSecMs;
  else unit.restartSecMs = cfg.restartSecMs;
  if (cfg.limitNofile === undefined) delete unit.limitNofile;
  else unit.limitNofile = cfg.limitNofile;
  if (cfg.oomScoreAdjust === undefined) delete unit.oomScoreAdjust;
  else unit.oomScoreAdjust = cfg.oomScoreAdjust;
  // Forking daemons (nginx): how systemd starts, reloads and finds them.
  for (const key of ["type", "execStartPre", "execReload", "execStop", "pidFile", "docs"] as const) {
    if (cfg[key] === undefined) delete unit[key];
    else (unit as unknown as Record<string, unknown>)[key] = cfg[key];
  }
  unit.dropIns = loaded.dropIns;
  unit.loadedMtimeMs = loaded.mtimeMs;
}

/** Write a unit file and load it, as a package install followed by daemon-reload would. */
export function installUnit(host: Host, spec: UnitSpec): Unit {
  const dir = spec.path.slice(0, spec.path.lastIndexOf("/"));
  let prefix = "";
  for (const part of dir.split("/").filter(Boolean)) {
    prefix += `/${part}`;
    if (!fs.tryResolve(host.state, fs.ROOT, prefix)) fs.mkdir(host.state, fs.ROOT, prefix, { mtimeMs: spec.mtimeMs });
  }
  fs.createFile(host.state, fs.ROOT, spec.path, spec.text, { mtimeMs: spec.mtimeMs ?? host.now });
  const unit: Unit = {
    name: spec.name, description: spec.name, fragmentPath: spec.path, execStart: [], user: "root", restart: "no",
    enabled: spec.enabled ?? true, activeState: "inactive", subState: "dead", result: "success", mainPid: null,
    stateSinceMs: host.state.clock.bootMs, program: spec.program, memoryKb: spec.memoryKb ?? 20_000, restarts: 0,
    params: spec.params ?? {}, environment: {}, environmentFiles: [], dropIns: [], loadedMtimeMs: 0,
  };
  const loaded = loadFromDisk(host, spec.path, spec.name);
  if (!loaded) throw new Error(`unit file ${spec.path} unreadable right after writing it`);
  applyConfig(unit, loaded);
  host.state.units[spec.name] = unit;
  return unit;
}

/** systemctl daemon-reload: re-read every unit's files; running processes keep what they started with. */
export function daemonReload(host: Host): void {
  for (const unit of Object.values(host.state.units)) {
    const loaded = loadFromDisk(host, unit.fragmentPath, unit.name);
    if (loaded) applyConfig(unit, loaded);
  }
  host.log({ ident: "systemd", pid: 1, unit: null, priority: 6, message: "Reloading." });
}
