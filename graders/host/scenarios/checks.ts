import { mountForPath } from "../state/fs.ts";
import { Host } from "../state/host.ts";
import { mountUsage } from "../state/usage.ts";
import { httpLocal } from "../net/http.ts";
import type { Check } from "./types.ts";

/** Checks many scenarios share, each reading the host the way the matching tool would. */

/** Use% as df computes it: used / (used + available to non-root). */
export function usePercent(host: Host, path: string): number {
  const m = mountForPath(host.state, path);
  const used = mountUsage(host.state.fs, m).usedBlocks;
  const avail = Math.max(0, m.totalBlocks - used - m.reservedBlocks);
  return used + avail === 0 ? 0 : (used * 100) / (used + avail);
}

export function diskBelow(path: string, pct: number, name: string): Check {
  return { name, test: (host) => usePercent(host, path) < pct };
}

export function unitRunning(unit: string, name: string): Check {
  return {
    name,
    test: (host) => {
      const u = host.state.units[unit];
      return u !== undefined && u.activeState === "active" && u.mainPid !== null && host.state.procs[u.mainPid] !== undefined;
    },
  };
}

export function httpStatus(port: number, path: string, status: number, name: string): Check {
  return { name, test: (host) => httpLocal(host, port, path)?.status === status };
}

/**
 * The host as it will be `ms` from now if nobody touches it: checks such as
 * "none started over the next minutes" or "not killed again" run the clock
 * forward on a copy, so judging never changes the candidate's host.
 */
export function future(host: Host, ms: number): Host {
  const copy = Host.restore(host.serialize());
  copy.advance(ms);
  return copy;
}
