import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import type { HostState } from "../../state/types.ts";
import { mountTable, type MountRow } from "../../state/mounts.ts";
import type { HostCommand } from "../types.ts";

/**
 * findmnt (util-linux 2.38.1): the mount table as a tree (each mount under
 * the mount that contains its mountpoint), or a list with -l; -o picks
 * columns, -n drops the header, -t filters by type; operands select mounts
 * by mountpoint or source.
 */

const COLUMNS = ["TARGET", "SOURCE", "FSTYPE", "OPTIONS", "UUID", "LABEL"] as const;
type Column = (typeof COLUMNS)[number];

interface Node {
  row: MountRow;
  children: Node[];
}

/** The mount whose mountpoint most closely contains this one's (mountinfo's parent id). */
function parentOf(rows: MountRow[], i: number): number {
  const target = (rows[i] as MountRow).target;
  let best = -1;
  rows.forEach((r, j) => {
    if (j === i || r.target === target) return;
    const inside = r.target === "/" ? target.startsWith("/") : target.startsWith(`${r.target}/`);
    if (inside && (best < 0 || r.target.length > (rows[best] as MountRow).target.length)) best = j;
  });
  return best;
}

function value(state: HostState, row: MountRow, col: Column): string {
  const m = state.fs.mounts.find((x) => x.source === row.source && x.target === row.target);
  switch (col) {
    case "TARGET": return row.target;
    case "SOURCE": return row.source;
    case "FSTYPE": return row.fstype;
    case "OPTIONS": return row.options;
    case "UUID": return m?.uuid ?? "";
    case "LABEL": return m?.label ?? "";
  }
}

export const findmnt: HostCommand = {
  name: "findmnt",
  async run(args, ctx, rt) {
    const state = rt.host.state;
    let cols: Column[] = ["TARGET", "SOURCE", "FSTYPE", "OPTIONS"];
    let list = false;
    let header = true;
    let types: string[] | null = null;
    const operands: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "-o" || a === "--output" || a.startsWith("--output=") || (a.startsWith("-o") && a.length > 2)) {
        const spec = a === "-o" || a === "--output" ? (args[++i] ?? "") : a.startsWith("--output=") ? a.slice(9) : a.slice(2);
        const wanted = spec.split(",").map((c) => c.toUpperCase());
        const bad = wanted.find((c) => !(COLUMNS as readonly string[]).includes(c));
        if (bad !== undefined) return { stdout: "", stderr: `findmnt: unknown column: ${bad}\n`, exitCode: 1 };
        cols = wanted as Column[];
      } else if (a === "-l" || a === "--list") list = true;
      else if (a === "-n" || a === "--noheadings") header = false;
      else if (a === "-t" || a === "--types") types = (args[++i] ?? "").split(",");
      else if (a === "-T" || a === "--target") {
        // The mount that contains a path, whatever file or directory it names.
        const path = joinPath(ctx.cwd, args[++i] ?? "");
        operands.push(fs.mountForPath(state, fs.tryResolve(state, rt.cred, path)?.path ?? path).target);
      }
      else if (/^-[lnr]+$/.test(a)) {
        if (a.includes("l") || a.includes("r")) list = true;
        if (a.includes("n")) header = false;
      } else if (a.startsWith("-")) return { stdout: "", stderr: `findmnt: invalid option -- '${a.replace(/^-+/, "").charAt(0)}'\nTry 'findmnt --help' for more information.\n`, exitCode: 1 };
      else operands.push(a);
    }
    const all = mountTable(state);
    let rows = all.filter((r) => types === null || types.includes(r.fstype));
    if (operands.length > 0) {
      const want = operands.map((o) => (o.startsWith("/") || !o.includes("=") ? joinPath(ctx.cwd, o) : o));
      rows = rows.filter((r) => want.some((w) => w === r.target || w === r.source || (w.startsWith("UUID=") && value(state, r, "UUID") === w.slice(5)) || (w.startsWith("LABEL=") && value(state, r, "LABEL") === w.slice(6))));
      list = true;
    }
    if (rows.length === 0) return { stdout: "", stderr: "", exitCode: 1 };
    // Tree prefixes for the TARGET column.
    const prefix = new Map<MountRow, string>();
    if (!list && types === null) {
      const nodes: Node[] = all.map((row) => ({ row, children: [] }));
      const roots: Node[] = [];
      all.forEach((_, i) => {
        const p = parentOf(all, i);
        if (p < 0) roots.push(nodes[i] as Node);
        else (nodes[p] as Node).children.push(nodes[i] as Node);
      });
      const walk = (n: Node, lead: string, isLast: boolean, depth: number): void => {
        prefix.set(n.row, depth === 0 ? "" : `${lead}${isLast ? "└─" : "├─"}`);
        const nextLead = depth === 0 ? "" : `${lead}${isLast ? "  " : "│ "}`;
        n.children.forEach((c, k) => walk(c, nextLead, k === n.children.length - 1, depth + 1));
      };
      roots.forEach((r) => walk(r, "", true, 0));
      const order: MountRow[] = [];
      const collect = (n: Node): void => {
        order.push(n.row);
        n.children.forEach(collect);
      };
      roots.forEach(collect);
      rows = order;
    }
    const table = rows.map((r) => cols.map((c) => (c === "TARGET" ? (prefix.get(r) ?? "") + value(state, r, c) : value(state, r, c))));
    if (header) table.unshift([...cols]);
    const widths = cols.map((_, k) => Math.max(...table.map((line) => [...(line[k] ?? "")].length)));
    const out = table.map((line) => line.map((cell, k) => (k === cols.length - 1 ? cell : cell + " ".repeat((widths[k] ?? 0) - [...cell].length))).join(" ").trimEnd() + "\n");
    return { stdout: out.join(""), stderr: "", exitCode: 0 };
  },
};
