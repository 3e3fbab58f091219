import { parse } from "just-bash";
import { shellQuote } from "../../commands/format.ts";

/**
 * Which command of a line may keep running, and what its output flows
 * through afterwards. A follow is the first stage of the line's last
 * pipeline (`cd /var/log; tail -f syslog | grep -i error`); through sudo
 * the command sudo runs. Its stdout must reach the terminal or a pipe, not a
 * file, and the name must occur once so the right invocation takes it.
 * The later stages are kept as a command line and re-run over each new
 * chunk: right for line filters (grep, cut, awk '{print $5}'), while
 * stateful ones (head -n 5, sort, uniq -c) see each chunk on its own.
 */

interface Word {
  parts?: { value?: unknown; parts?: unknown[]; type?: string }[];
}
interface SimpleCommand {
  type?: string;
  name?: Word | null;
  args?: Word[];
  redirections?: { fd?: number | null; operator?: string }[];
}

export interface FollowSlot {
  name: string;
  /** Stages after the first, as a command line; null when the follow writes to the terminal. */
  filter: string | null;
}

function partText(part: { value?: unknown; parts?: unknown[] }): string | null {
  if (typeof part.value === "string") return part.value;
  if (Array.isArray(part.parts)) {
    let s = "";
    for (const p of part.parts as { value?: unknown; parts?: unknown[] }[]) {
      const t = partText(p);
      if (t === null) return null;
      s += t;
    }
    return s;
  }
  return null;
}

/** A word's literal text, or null when it has expansions the parser leaves unevaluated. */
function literal(word: Word | null | undefined): string | null {
  let s = "";
  for (const p of word?.parts ?? []) {
    const t = partText(p);
    if (t === null) return null;
    s += t;
  }
  return s;
}

const SUDO_WITH_VALUE = new Set(["-u", "--user", "-g", "--group", "-C", "-D", "-h", "-p", "-r", "-t", "-T", "-U"]);

/** The program a stage runs: its name, or for `sudo [opts] CMD` the command sudo runs. */
function program(argv: string[]): string {
  if (argv[0] !== "sudo") return argv[0] ?? "";
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") return argv[i + 1] ?? "";
    if (SUDO_WITH_VALUE.has(a)) i++;
    else if (!a.startsWith("-")) return a;
  }
  return "";
}

export function followSlot(line: string): FollowSlot | null {
  let ast: { statements?: { pipelines?: { commands?: SimpleCommand[] }[] }[] };
  try {
    ast = parse(line) as unknown as typeof ast;
  } catch {
    return null;
  }
  const pipelines = (ast.statements ?? []).flatMap((st) => st.pipelines ?? []).map((p) => p.commands ?? []);
  const last = pipelines[pipelines.length - 1];
  if (!last || last.length === 0 || last.some((c) => c.type !== "SimpleCommand")) return null;
  const argvs: string[][] = [];
  for (const c of last) {
    const words = [c.name, ...(c.args ?? [])].map(literal);
    if (words.some((w) => w === null)) return null;
    argvs.push(words as string[]);
  }
  const first = last[0] as SimpleCommand;
  if ((first.redirections ?? []).some((r) => (r.fd === null || r.fd === undefined || r.fd === 1) && r.operator?.startsWith(">"))) return null;
  const name = program(argvs[0] as string[]);
  const occurrences = pipelines.flat().filter((c) => program([c.name, ...(c.args ?? [])].map((w) => literal(w) ?? "")) === name).length;
  if (!name || occurrences > 1) return null;
  const rest = argvs.slice(1);
  return { name, filter: rest.length ? rest.map((argv) => argv.map(shellQuote).join(" ")).join(" | ") : null };
}
