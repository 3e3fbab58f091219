import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { bulkInode } from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import { allocatedBytes, fileSize } from "../../state/usage.ts";
import { forEachBulkEntry } from "../../state/bulk.ts";
import type { DirInode, Inode } from "../../state/types.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { fail, type HostCommand } from "../types.ts";
import { humanCeil } from "../format.ts";

/**
 * GNU du (coreutils 9.1): disk usage from allocated blocks, post-order, in
 * 1 KiB units (-h human, -m MiB), -s, -a, -c, -d/--max-depth, -x,
 * --apparent-size. A deleted file that is still open has no name, so du
 * never sees it: that is where du and df disagree.
 */

interface Opts {
  human: boolean;
  unit: number;
  summarize: boolean;
  all: boolean;
  total: boolean;
  maxDepth: number;
  oneFs: boolean;
  apparent: boolean;
  /** --inodes: count inodes instead of bytes. */
  inodes: boolean;
}

interface Walk {
  out: string[];
  errors: string[];
  seen: Set<string>;
}

function parse(args: string[]): { opts: Opts; paths: string[] } | string {
  const opts: Opts = { human: false, unit: 1024, summarize: false, all: false, total: false, maxDepth: Infinity, oneFs: false, apparent: false, inodes: false };
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--max-depth" || a === "-d") opts.maxDepth = Number(args[++i]);
    else if (a.startsWith("--max-depth=")) opts.maxDepth = Number(a.slice(12));
    else if (/^-d[0-9]+$/.test(a)) opts.maxDepth = Number(a.slice(2));
    else if (a === "--human-readable") opts.human = true;
    else if (a === "--summarize") opts.summarize = true;
    else if (a === "--total") opts.total = true;
    else if (a === "--apparent-size") opts.apparent = true;
    else if (a === "--inodes") opts.inodes = true;
    else if (a === "--one-file-system") opts.oneFs = true;
    else if (a.startsWith("--")) return `du: unrecognized option '${a}'\nTry 'du --help' for more information.\n`;
    else if (a.startsWith("-") && a !== "-") {
      for (const ch of a.slice(1)) {
        if (ch === "h") opts.human = true;
        else if (ch === "s") opts.summarize = true;
        else if (ch === "a") opts.all = true;
        else if (ch === "c") opts.total = true;
        else if (ch === "x") opts.oneFs = true;
        else if (ch === "k") opts.unit = 1024;
        else if (ch === "m") opts.unit = 1024 * 1024;
        else return `du: invalid option -- '${ch}'\nTry 'du --help' for more information.\n`;
      }
    } else paths.push(a);
  }
  if (Number.isNaN(opts.maxDepth)) return "du: invalid maximum depth\nTry 'du --help' for more information.\n";
  if (opts.summarize && opts.maxDepth !== Infinity && opts.maxDepth !== 0) {
    return `du: warning: summarizing conflicts with --max-depth=${opts.maxDepth}\nTry 'du --help' for more information.\n`;
  }
  if (opts.summarize) opts.maxDepth = 0;
  return { opts, paths };
}

function bytesOf(rt: Runtime, inode: Inode, opts: Opts): number {
  if (opts.inodes) return 1;
  if (opts.apparent) return inode.kind === "dir" ? 4096 : fileSize(inode);
  return allocatedBytes(inode, rt.host.state.fs.mounts[inode.dev]?.blockSize ?? 4096);
}

function fmt(bytes: number, opts: Opts): string {
  if (opts.inodes) return opts.human ? humanCeil(bytes) : String(bytes);
  return opts.human ? humanCeil(bytes) : String(Math.ceil(bytes / opts.unit));
}

/** Sum a subtree, printing the lines du would print for it; returns its bytes. */
function walk(rt: Runtime, path: string, inode: Inode, depth: number, opts: Opts, w: Walk, rootDev: number): number {
  // Hard links are counted once, like du's hash of (dev, ino).
  const key = `${inode.dev}:${inode.ino}`;
  if (w.seen.has(key)) return 0;
  w.seen.add(key);
  let total = bytesOf(rt, inode, opts);
  if (inode.kind === "dir" && !path.startsWith("/proc")) {
    try {
      // Real entries only (limit 0); a huge directory's counted entries are summed below without listing them.
      const entries = fs.readdir(rt.host.state, rt.cred, path, 0).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const child = path === "/" ? `/${e.name}` : `${path}/${e.name}`;
        if (opts.oneFs && e.inode.dev !== rootDev) continue;
        total += walk(rt, child, e.inode, depth + 1, opts, w, rootDev);
      }
      if (inode.bulk?.length) total += bulkTotal(rt, path, inode, depth + 1, opts, w);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      w.errors.push(`du: cannot read directory '${path}': ${e.text}\n`);
    }
  }
  if (depth <= opts.maxDepth && (inode.kind === "dir" || opts.all || depth === 0)) w.out.push(`${fmt(total, opts)}\t${path}\n`);
  return total;
}

/** The counted entries of a huge directory: all alike but for name and age, so the sum is arithmetic unless -a lists them. */
function bulkTotal(rt: Runtime, path: string, dir: DirInode, depth: number, opts: Opts, w: Walk): number {
  let total = 0;
  if (opts.all && depth <= opts.maxDepth) {
    forEachBulkEntry(dir, (name, inode) => {
      const bytes = bytesOf(rt, inode, opts);
      total += bytes;
      w.out.push(`${fmt(bytes, opts)}\t${path === "/" ? "" : path}/${name}\n`);
    });
    return total;
  }
  for (const range of dir.bulk ?? []) {
    if (range.end <= range.start) continue;
    total += (range.end - range.start) * bytesOf(rt, bulkInode(dir, range, range.start), opts);
  }
  return total;
}

export const du: HostCommand = {
  name: "du",
  async run(args, ctx, rt) {
    const parsed = parse(args);
    if (typeof parsed === "string") return fail(parsed);
    const { opts, paths } = parsed;
    const w: Walk = { out: [], errors: [], seen: new Set() };
    let grand = 0;
    let stderr = "";
    for (const p of paths.length ? paths : ["."]) {
      const abs = joinPath(ctx.cwd, p);
      try {
        const { inode } = fs.resolve(rt.host.state, rt.cred, abs, false);
        // Lines name the operand as typed, the way fts builds paths from it.
        const label = p.length > 1 ? p.replace(/\/+$/, "") : p;
        const before = w.out.length;
        grand += walk(rt, abs, inode, 0, opts, w, inode.dev);
        for (let i = before; i < w.out.length; i++) w.out[i] = (w.out[i] as string).replace(`\t${abs}`, `\t${label}`);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        stderr += `du: cannot access '${p}': ${e.text}\n`;
      }
      stderr += w.errors.splice(0).join("");
    }
    if (opts.total) w.out.push(`${fmt(grand, opts)}\ttotal\n`);
    return { stdout: w.out.join(""), stderr, exitCode: stderr ? 1 : 0 };
  },
};
