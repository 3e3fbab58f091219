import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import { fileSize } from "../../state/usage.ts";
import { groupByName, userByName } from "../../state/users.ts";
import { BulkRemovals, forEachBulkEntry } from "../../state/bulk.ts";
import type { BulkRange, DirInode, Inode } from "../../state/types.ts";
import type { Runtime } from "../../shell/runtime.ts";
import { shellQuote } from "../format.ts";
import type { HostCommand } from "../types.ts";
import { globToRegExp, parseExpression, type Node } from "./expr.ts";
import { formatPrintf } from "./printf.ts";
import { fastRm, fastRmFlags } from "../xargs/fast-rm.ts";

/**
 * GNU find over the host model, timed by the simulated clock: -name, -iname,
 * -path, -type, -size, -mtime, -mmin, -newer, -user, -group, -perm, -empty,
 * -maxdepth, -mindepth, -xdev, !, -o, ( ), and -print, -print0, -delete,
 * -exec ... {} \; or +. Unreadable directories are reported and skipped.
 */

interface Entry {
  path: string;
  abs: string;
  name: string;
  inode: Inode;
  depth: number;
  /** The starting point this entry was reached from (-printf %P). */
  start: string;
  /** A counted entry of a huge directory: deleted by index, its inode object reused for the next one. */
  bulk?: { dir: DirInode; range: BulkRange; index: number };
}

interface Walk {
  rt: Runtime;
  out: string[];
  errors: string[];
  batch: string[][];
  execs: { args: string[]; path: string }[];
  deletes: string[];
  bulkDeletes: BulkRemovals;
  /** Per directory: why its entries cannot be unlinked by this user, or null when they can. */
  unlinkDenied: Map<DirInode, string | null>;
  newer: Map<string, number>;
  quit: boolean;
}

/** Numeric test arguments without their sign, parsed once per distinct argument (a million entries share one). */
const magnitudes = new Map<string, number>();
function magnitude(arg: string): number {
  let n = magnitudes.get(arg);
  if (n === undefined) {
    n = Number(arg.replace(/^[+-]/, ""));
    if (magnitudes.size < 1000) magnitudes.set(arg, n);
  }
  return n;
}

const KINDS: Record<string, string> = { f: "file", d: "dir", l: "symlink", c: "chr" };

/** Compare a numeric test argument (+n, -n, n) against a value. */
function cmp(arg: string, value: number): boolean {
  const n = magnitude(arg);
  if (arg.startsWith("+")) return value > n;
  if (arg.startsWith("-")) return value < n;
  return value === n;
}

const SIZE_UNITS: Record<string, number> = { b: 512, c: 1, w: 2, k: 1024, M: 1024 ** 2, G: 1024 ** 3 };

function test(w: Walk, e: Entry, name: string, arg: string): boolean {
  const now = w.rt.host.now;
  const s = w.rt.host.state;
  switch (name) {
    case "-name": return globToRegExp(arg).test(e.name);
    case "-iname": return globToRegExp(arg, true).test(e.name);
    case "-path": case "-wholename": return globToRegExp(arg).test(e.path);
    case "-ipath": return globToRegExp(arg, true).test(e.path);
    case "-type": return KINDS[arg] === e.inode.kind;
    case "-size": {
      const m = /^([+-]?\d+)([bcwkMG]?)$/.exec(arg);
      const unit = SIZE_UNITS[m?.[2] || "b"] ?? 512;
      return m !== null && cmp(m[1] as string, Math.ceil(fileSize(e.inode) / unit));
    }
    case "-mtime": case "-atime": case "-ctime": return cmp(arg, Math.floor((now - e.inode.mtimeMs) / 86400_000));
    case "-mmin": case "-amin": case "-cmin": {
      const ageMin = (now - e.inode.mtimeMs) / 60_000;
      const n = magnitude(arg);
      return arg.startsWith("+") ? ageMin > n : arg.startsWith("-") ? ageMin < n : Math.ceil(ageMin) === n;
    }
    case "-newer": return e.inode.mtimeMs > (w.newer.get(arg) ?? Infinity);
    case "-user": return e.inode.uid === (userByName(s, arg)?.uid ?? Number(arg));
    case "-group": return e.inode.gid === (groupByName(s, arg)?.gid ?? Number(arg));
    case "-uid": return cmp(arg, e.inode.uid);
    case "-gid": return cmp(arg, e.inode.gid);
    case "-links": return cmp(arg, e.inode.nlink);
    case "-inum": return cmp(arg, e.inode.ino);
    case "-perm": {
      const mode = parseInt(arg.replace(/^[-/]/, ""), 8);
      const bits = e.inode.mode & 0o7777;
      if (arg.startsWith("-")) return (bits & mode) === mode;
      if (arg.startsWith("/")) return (bits & mode) !== 0;
      return bits === mode;
    }
    case "-empty":
      return e.inode.kind === "dir" ? fs.countEntries(e.inode) === 0 : e.inode.kind === "file" && fileSize(e.inode) === 0;
    case "-readable": return fs.permits(e.inode, w.rt.cred, 4);
    case "-writable": return fs.permits(e.inode, w.rt.cred, 2);
    case "-executable": return fs.permits(e.inode, w.rt.cred, 1);
    case "-true": return true;
    case "-false": return false;
  }
  return false;
}

function evaluate(w: Walk, e: Entry, node: Node): boolean {
  switch (node.op) {
    case "and": return evaluate(w, e, node.left) && evaluate(w, e, node.right);
    case "or": return evaluate(w, e, node.left) || evaluate(w, e, node.right);
    case "not": return !evaluate(w, e, node.expr);
    case "test": return test(w, e, node.name, node.arg);
    case "action":
      if (node.name === "-print") w.out.push(`${e.path}\n`);
      else if (node.name === "-print0") w.out.push(`${e.path}\0`);
      else if (node.name === "-delete") {
        if (e.bulk) deleteBulk(w, e, e.bulk);
        else w.deletes.push(e.abs);
      } else if (node.name === "-printf") w.out.push(formatPrintf(w.rt.host.state, node.args[0] ?? "", e));
      else if (node.name === "-quit") w.quit = true;
      else if (node.name === "-exec") w.execs.push({ args: node.args, path: e.path });
      else if (node.name === "-exec+") w.batch.push([...node.args, e.path]);
      return true;
  }
}

/** unlink(2) of a counted entry: the directory's write/search bits and the sticky rule decide, once per directory. */
function deleteBulk(w: Walk, e: Entry, b: NonNullable<Entry["bulk"]>): void {
  let denied = w.unlinkDenied.get(b.dir);
  if (denied === undefined) {
    const cred = w.rt.cred;
    denied = !fs.permits(b.dir, cred, 3) ? "Permission denied"
      : (b.dir.mode & 0o1000) && cred.uid !== 0 && cred.uid !== b.dir.uid && cred.uid !== b.range.uid ? "Operation not permitted" : null;
    w.unlinkDenied.set(b.dir, denied);
  }
  if (denied !== null) w.errors.push(`find: cannot delete '${e.path}': ${denied}\n`);
  else w.bulkDeletes.add(b.dir, b.range, b.index);
}

export const find: HostCommand = {
  name: "find",
  async run(args, ctx, rt) {
    const state = rt.host.state;
    let split = args.findIndex((a) => a.startsWith("-") || a === "(" || a === "!");
    if (split < 0) split = args.length;
    const starts = args.slice(0, split);
    const tokens = args.slice(split);
    let maxDepth = Infinity;
    let minDepth = 0;
    let xdev = false;
    const exprTokens: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as string;
      if (t === "-maxdepth") maxDepth = Number(tokens[++i]);
      else if (t === "-mindepth") minDepth = Number(tokens[++i]);
      else if (t === "-xdev" || t === "-mount") xdev = true;
      else if (t === "-depth" || t === "-L" || t === "-P" || t === "-H" || t === "-noleaf") continue;
      else exprTokens.push(t);
    }
    const parsed = parseExpression(exprTokens);
    if (typeof parsed === "string") return { stdout: "", stderr: `${parsed}\n`, exitCode: 1 };
    const expr: Node = parsed.expr === null ? { op: "action", name: "-print", args: [] }
      : parsed.hasAction ? parsed.expr : { op: "and", left: parsed.expr, right: { op: "action", name: "-print", args: [] } };
    const w: Walk = { rt, out: [], errors: [], batch: [], execs: [], deletes: [], bulkDeletes: new BulkRemovals(), unlinkDenied: new Map(), newer: new Map(), quit: false };
    for (let i = 0; i < exprTokens.length; i++) {
      if (exprTokens[i] !== "-newer") continue;
      const ref = exprTokens[i + 1] ?? "";
      const found = fs.tryResolve(state, rt.cred, joinPath(ctx.cwd, ref));
      if (!found) return { stdout: "", stderr: `find: '${ref}': No such file or directory\n`, exitCode: 1 };
      w.newer.set(ref, found.inode.mtimeMs);
    }
    const visit = (e: Entry, dev: number): void => {
      if (w.quit) return;
      if (e.depth >= minDepth) evaluate(w, e, expr);
      if (e.inode.kind !== "dir" || e.depth >= maxDepth || (xdev && e.inode.dev !== dev)) return;
      if (e.abs === "/proc" || e.abs.startsWith("/proc/")) return;
      let children;
      try {
        // Real entries only (limit 0); the counted ones of a huge directory follow without materialising them.
        children = fs.readdir(state, rt.cred, e.abs, 0);
        if (!fs.permits(e.inode, rt.cred, 1)) throw new SysError("EACCES", e.abs);
      } catch (err) {
        if (!(err instanceof SysError)) throw err;
        w.errors.push(`find: '${e.path}': ${err.text}\n`);
        return;
      }
      for (const c of children) {
        const join = (base: string): string => (base.endsWith("/") ? `${base}${c.name}` : `${base}/${c.name}`);
        visit({ path: join(e.path), abs: join(e.abs), name: c.name, inode: c.inode, depth: e.depth + 1, start: e.start }, dev);
      }
      if (e.inode.bulk?.length) visitBulk(e);
    };
    const visitBulk = (parent: Entry): void => {
      const dir = parent.inode as DirInode;
      const base = parent.path.endsWith("/") ? parent.path : `${parent.path}/`;
      const depth = parent.depth + 1;
      if (depth < minDepth) return;
      const e: Entry = { path: "", abs: "", name: "", inode: parent.inode, depth, start: parent.start };
      forEachBulkEntry(dir, (name, inode, range, index) => {
        if (w.quit) return false;
        e.name = name;
        // abs is only needed to unlink by path; counted entries are unlinked by index instead.
        e.path = base + name;
        e.inode = inode;
        e.bulk = { dir, range, index };
        evaluate(w, e, expr);
        return true;
      });
    };
    for (const start of starts.length ? starts : ["."]) {
      const abs = joinPath(ctx.cwd, start);
      try {
        const { inode } = fs.resolve(state, rt.cred, abs, false);
        visit({ path: start, abs, name: start.split("/").filter(Boolean).pop() ?? start, inode, depth: 0, start }, inode.dev);
      } catch (err) {
        if (!(err instanceof SysError)) throw err;
        w.errors.push(`find: '${start}': ${err.text}\n`);
      }
    }
    // -delete works depth-first: counted entries go first, so their directories can empty out before they are removed.
    for (const dir of w.bulkDeletes.apply()) dir.mtimeMs = rt.host.now;
    for (const abs of w.deletes.reverse()) {
      try {
        const { inode } = fs.resolve(state, rt.cred, abs, false);
        if (inode.kind === "dir") fs.rmdir(state, rt.cred, abs);
        else fs.unlink(state, rt.cred, abs);
      } catch (err) {
        if (!(err instanceof SysError)) throw err;
        w.errors.push(`find: cannot delete '${abs}': ${err.text}\n`);
      }
    }
    let stdout = w.out.join("");
    let stderr = w.errors.join("");
    const exec = ctx.exec;
    const runExec = async (argv: string[]): Promise<number> => {
      if (!exec) throw new Error("find -exec needs the shell");
      const r = await exec(argv.map(shellQuote).join(" "), { cwd: ctx.cwd });
      stdout += r.stdout;
      stderr += r.stderr;
      return r.exitCode;
    };
    // `-exec rm {} \;` or `+` over a huge directory: rm's effect on every path, in one pass.
    const rmAll = (template: string[], paths: string[]): boolean => {
      const flags = template[template.length - 1] === "{}" ? fastRmFlags(template.slice(0, -1)) : null;
      const r = flags && paths.length ? fastRm(rt, ctx.cwd, paths, flags) : null;
      if (!r) return false;
      stdout += r.stdout;
      stderr += r.stderr;
      return true;
    };
    const same = w.execs.length > 0 && w.execs.every((x) => x.args === (w.execs[0] as { args: string[] }).args);
    if (!(same && rmAll((w.execs[0] as { args: string[] }).args, w.execs.map((x) => x.path)))) {
      for (const x of w.execs) await runExec(x.args.map((a) => a.replaceAll("{}", x.path)));
    }
    if (w.batch.length && rmAll((w.batch[0] as string[]).slice(0, -1), w.batch.map((b) => b[b.length - 1] as string))) w.batch = [];
    if (w.batch.length) {
      const first = w.batch[0] as string[];
      const template = first.slice(0, -1);
      const paths = w.batch.map((b) => b[b.length - 1] as string);
      await runExec(template.flatMap((a) => (a === "{}" ? paths : [a])));
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
};
