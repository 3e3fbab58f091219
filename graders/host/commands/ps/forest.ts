import type { Proc } from "../../state/types.ts";

/**
 * procps's process tree (display.c show_forest/show_tree): the table is
 * sorted by parent pid, then start time (then pid); every process whose
 * parent is not listed is a root, and roots are taken from the END of that
 * order (so kthreadd's tree comes before init's). Children follow their
 * parent in table order. In the BSD tree (`f`, `--forest`) init's children
 * stay at the left margin and each level draws " \_ " / " |  "; `-H` just
 * indents two spaces per level, init's children included.
 */

export interface TreeRow {
  proc: Proc;
  prefix: string;
}

export function forest(procs: Proc[], kind: "bsd" | "unix"): TreeRow[] {
  const table = [...procs].sort((a, b) => a.ppid - b.ppid || a.startMs - b.startMs || a.pid - b.pid);
  const listed = new Set(table.map((p) => p.pid));
  const out: TreeRow[] = [];
  // One character per level: "+" / "L" for a child with / without a younger sibling, "|" / " " above them.
  const marks: string[] = [];
  const draw = (level: number): string =>
    marks.slice(0, level).map((m) => (kind === "unix" ? "  " : m === " " ? "    " : m === "|" ? " |  " : " \\_ ")).join("");

  const show = (self: number, level: number, sibling: boolean): void => {
    const proc = table[self]!;
    if (level) marks[level - 1] = sibling ? "+" : "L";
    out.push({ proc, prefix: draw(level) });
    let i = table.findIndex((p) => p.ppid === proc.pid);
    if (i < 0) return;
    if (level) marks[level - 1] = sibling ? "|" : " ";
    for (; i < table.length; i++) {
      const more = table[i + 1]?.ppid === proc.pid;
      show(i, proc.pid === 1 && kind === "bsd" ? level : level + 1, more);
      if (!more) break;
    }
    marks.length = level;
  };

  for (let i = table.length - 1; i >= 0; i--) {
    if (!listed.has(table[i]!.ppid)) show(i, 0, false);
  }
  return out;
}
