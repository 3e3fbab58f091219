import * as fs from "../../state/fs.ts";
import { bulkCount } from "../../state/bulk.ts";
import { allocatedBytes, fileSize } from "../../state/usage.ts";
import { groupName, userName } from "../../state/users.ts";
import type { DirInode, Inode } from "../../state/types.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { humanCeil } from "../format.ts";
import { modeString } from "./mode.ts";
import { lsTime, type Opts } from "./index.ts";

/**
 * ls over a directory of a million counted entries without a million
 * objects: each bulk range is split into runs that are already in the
 * requested order (same-width numbers sort like their indices; mtimes grow
 * with the index), the runs are merged by galloping (binary search for how
 * far one run stays ahead of the others), and only the names printed are
 * ever built. Output is what the ordinary path would print, just sooner.
 */

/** Below this many counted entries the ordinary listing is fast enough. */
const HUGE = 5_000;

interface Item {
  name: string;
  inode: Inode;
}

/** A sequence already sorted in the listing's order; item(i) builds one entry on demand. */
interface Segment {
  len: number;
  item(i: number): Item;
  /** item(i).name without building the inode. */
  name(i: number): string;
  /** Counted entries: the range's prefix and the index of item(0), and whether indices go down from there. */
  bulk?: { prefix: string; first: number; down: boolean };
  /** Counted entries: every field but name, ino and mtime is the same for all of them. */
  uniform: boolean;
}

type Cmp = (a: Item, b: Item) => number;

const byName = (a: Item, b: Item): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function comparator(opts: Opts): Cmp | null {
  if (opts.sort === "none") return null;
  if (opts.sort === "time") return (a, b) => b.inode.mtimeMs - a.inode.mtimeMs || byName(a, b);
  if (opts.sort === "size") return (a, b) => fileSize(b.inode) - fileSize(a.inode) || byName(a, b);
  return byName;
}

/** Index sub-ranges whose decimal numbers have the same width: within one, name order is index order. */
function sameWidthSpans(start: number, end: number): [number, number][] {
  const spans: [number, number][] = [];
  let from = start;
  while (from < end) {
    const next = Math.min(end, 10 ** String(from).length);
    spans.push([from, next]);
    from = next;
  }
  return spans;
}

function segments(dir: DirInode, real: Item[], opts: Opts, cmp: Cmp | null): Segment[] {
  const segs: Segment[] = [{ len: real.length, item: (i) => real[i] as Item, name: (i) => (real[i] as Item).name, uniform: false }];
  for (const range of dir.bulk ?? []) {
    if (range.end <= range.start || (range.prefix.startsWith(".") && !opts.all && !opts.almostAll)) continue;
    const at = (index: number): Item => ({ name: `${range.prefix}${index}`, inode: fs.bulkInode(dir, range, index) });
    // Newest first walks a range backwards unless all its entries share one mtime (then names decide).
    const backwards = opts.sort === "time" && range.mtimeStepMs > 0;
    const prefix = range.prefix;
    for (const [from, to] of sameWidthSpans(range.start, range.end)) {
      segs.push(backwards
        ? { len: to - from, item: (i) => at(to - 1 - i), name: (i) => prefix + (to - 1 - i), uniform: true, bulk: { prefix, first: to - 1, down: true } }
        : { len: to - from, item: (i) => at(from + i), name: (i) => prefix + (from + i), uniform: true, bulk: { prefix, first: from, down: false } });
    }
  }
  if (cmp !== null) real.sort(cmp);
  return segs.filter((s) => s.len > 0);
}

interface Run {
  seg: Segment;
  from: number;
  to: number;
}

/** Merge sorted segments into runs: take the smallest head, then as many as stay before the next smallest head. */
function mergeRuns(segs: Segment[], cmp: Cmp | null): Run[] {
  if (cmp === null) return segs.map((seg) => ({ seg, from: 0, to: seg.len }));
  const pos = segs.map(() => 0);
  const runs: Run[] = [];
  for (;;) {
    let best = -1;
    let second = -1;
    for (let s = 0; s < segs.length; s++) {
      const seg = segs[s] as Segment;
      if ((pos[s] as number) >= seg.len) continue;
      if (best < 0 || cmp(seg.item(pos[s] as number), (segs[best] as Segment).item(pos[best] as number)) < 0) {
        second = best;
        best = s;
      } else if (second < 0 || cmp(seg.item(pos[s] as number), (segs[second] as Segment).item(pos[second] as number)) < 0) second = s;
    }
    if (best < 0) break;
    const seg = segs[best] as Segment;
    const from = pos[best] as number;
    let to = seg.len;
    if (second >= 0) {
      const bound = (segs[second] as Segment).item(pos[second] as number);
      // Largest prefix of this segment that sorts before the other head (binary search).
      let lo = from + 1;
      let hi = seg.len;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cmp(seg.item(mid), bound) <= 0) lo = mid + 1;
        else hi = mid;
      }
      to = lo;
    }
    runs.push({ seg, from, to });
    pos[best] = to;
  }
  return runs;
}

/**
 * "prefix<n>\n" for n over [from, to) (descending from to-1 when `down`), all
 * numbers of one width: each record is the previous one with its digits
 * counted up or down in place, which is several times faster than a million
 * number-to-string conversions.
 */
export function nameBlock(prefix: string, from: number, to: number, down: boolean): string {
  if (to <= from) return "";
  const first = String(down ? to - 1 : from);
  const rec = prefix.length + first.length + 1;
  const buf = Buffer.allocUnsafe((to - from) * rec);
  buf.write(`${prefix}${first}\n`, 0, "latin1");
  const last = prefix.length + first.length - 1;
  for (let pos = rec; pos < buf.length; pos += rec) {
    buf.copyWithin(pos, pos - rec, pos);
    let k = pos + last;
    if (down) {
      while (buf[k] === 48) buf[k--] = 57;
      buf[k] = (buf[k] as number) - 1;
    } else {
      while (buf[k] === 57) buf[k--] = 48;
      buf[k] = (buf[k] as number) + 1;
    }
  }
  return buf.toString("latin1");
}

/** Visit entries in listing order; plain loops, since a million generator steps cost seconds. */
function eachOrdered(runs: Run[], reverse: boolean, fn: (seg: Segment, i: number) => void): void {
  if (!reverse) {
    for (const r of runs) for (let i = r.from; i < r.to; i++) fn(r.seg, i);
    return;
  }
  for (let k = runs.length - 1; k >= 0; k--) {
    const r = runs[k] as Run;
    for (let i = r.to - 1; i >= r.from; i--) fn(r.seg, i);
  }
}

/** Items whose fields bound the column widths: all real ones, the ends of each counted run. */
function widthSamples(runs: Run[]): Item[] {
  const out: Item[] = [];
  for (const r of runs) {
    if (!r.seg.uniform) for (let i = r.from; i < r.to; i++) out.push(r.seg.item(i));
    else out.push(r.seg.item(r.from), r.seg.item(r.to - 1));
  }
  return out;
}

function blocksKiB(rt: Runtime, inode: Inode): number {
  const blockSize = rt.host.state.fs.mounts[inode.dev]?.blockSize ?? 4096;
  return allocatedBytes(inode.kind === "dir" ? { ...inode, extraBlocks: 0 } : inode, blockSize) / 1024;
}

/**
 * The listing of `abs` when it is a huge directory (null otherwise, and the
 * ordinary path runs). Throws the SysError opendir would.
 */
export function hugeListing(rt: Runtime, abs: string, opts: Opts): string | null {
  const found = fs.tryResolve(rt.host.state, rt.cred, abs);
  if (!found || found.inode.kind !== "dir" || bulkCount(found.inode) < HUGE) return null;
  const dir = found.inode;
  const real: Item[] = fs.readdir(rt.host.state, rt.cred, abs, 0)
    .filter((e) => opts.all || opts.almostAll || !e.name.startsWith("."))
    .map((e) => ({ name: e.name, inode: e.inode }));
  const cmp = comparator(opts);
  if (opts.all) {
    const dots = [{ name: ".", inode: dir }, { name: "..", inode: fs.resolve(rt.host.state, rt.cred, abs.slice(0, abs.lastIndexOf("/")) || "/").inode }];
    // Unsorted, readdir(3) order: ext4 hands out "." and ".." first.
    real.splice(cmp === null ? 0 : real.length, 0, ...dots);
  }
  const runs = mergeRuns(segments(dir, real, opts, cmp), cmp);
  const reverse = opts.reverse && cmp !== null;
  const parts: string[] = [];
  if (!opts.long) {
    const wi = opts.inode ? Math.max(0, ...widthSamples(runs).map((it) => String(it.inode.ino).length)) : 0;
    if (opts.inode) eachOrdered(runs, reverse, (seg, i) => {
      const it = seg.item(i);
      parts.push(`${String(it.inode.ino).padStart(wi)} ${it.name}\n`);
    });
    else {
      // Whole runs of counted entries are printed as blocks.
      const runList = reverse ? [...runs].reverse() : runs;
      for (const r of runList) {
        const b = r.seg.bulk;
        if (!b) {
          for (let k = 0; k < r.to - r.from; k++) parts.push(`${r.seg.name(reverse ? r.to - 1 - k : r.from + k)}\n`);
          continue;
        }
        // Index of item(i) is first ± i; reversing the listing flips the direction.
        const lo = b.down ? b.first - (r.to - 1) : b.first + r.from;
        const hi = b.down ? b.first - r.from + 1 : b.first + r.to;
        parts.push(nameBlock(b.prefix, lo, hi, b.down !== reverse));
      }
    }
    return parts.join("");
  }
  const s = rt.host.state;
  const owner = (it: Item): string => (opts.numeric ? String(it.inode.uid) : userName(s, it.inode.uid));
  const group = (it: Item): string => (opts.numeric ? String(it.inode.gid) : groupName(s, it.inode.gid));
  const size = (it: Item): string => (opts.human ? humanCeil(fileSize(it.inode)) : String(fileSize(it.inode)));
  const samples = widthSamples(runs);
  const width = (f: (it: Item) => string): number => samples.reduce((n, it) => Math.max(n, f(it).length), 0);
  const [wi, wn, wo, wg, ws] = [width((it) => String(it.inode.ino)), width((it) => String(it.inode.nlink)), width(owner), width(group), width(size)];
  let total = 0;
  for (const r of runs) {
    if (r.seg.uniform) total += (r.to - r.from) * blocksKiB(rt, r.seg.item(r.from).inode);
    else for (let i = r.from; i < r.to; i++) total += blocksKiB(rt, r.seg.item(i).inode);
  }
  parts.push(`total ${opts.human ? humanCeil(total * 1024) : total}\n`);
  const now = rt.host.now;
  // ls prints minutes at most, so one formatted time serves every entry of the same minute.
  const times = new Map<number, string>();
  const time = (ms: number): string => {
    const key = Math.floor(ms / 60_000);
    let t = times.get(key);
    if (t === undefined) times.set(key, (t = lsTime(ms, now)));
    return t;
  };
  const middle = (it: Item): string =>
    `${modeString(it.inode)} ${String(it.inode.nlink).padStart(wn)} ${owner(it).padEnd(wo)} ${group(it).padEnd(wg)} ${size(it).padStart(ws)} `;
  // Counted entries differ only in name, inode number and time: the columns between are built once per segment.
  const cached = new Map<Segment, string>();
  eachOrdered(runs, reverse, (seg, i) => {
    const it = seg.item(i);
    let mid = seg.uniform ? cached.get(seg) : undefined;
    if (mid === undefined) {
      mid = middle(it);
      if (seg.uniform) cached.set(seg, mid);
    }
    const name = it.inode.kind === "symlink" ? `${it.name} -> ${it.inode.target}` : it.name;
    const ino = opts.inode ? `${String(it.inode.ino).padStart(wi)} ` : "";
    parts.push(`${ino}${mid}${time(it.inode.mtimeMs)} ${name}\n`);
  });
  return parts.join("");
}
