import { parse } from "just-bash";

/**
 * The pipelines a command line will run, as argv lists, read from the parsed
 * line before it runs. ps and top use them to show the other members of
 * their own pipeline (`ps aux | grep app` lists the grep), as the kernel
 * would: all of them are started together.
 */

interface WordLike {
  parts?: PartLike[];
}

interface PartLike {
  type?: string;
  value?: unknown;
  parts?: PartLike[];
}

function partText(part: PartLike): string {
  if (typeof part.value === "string") return part.value;
  if (Array.isArray(part.parts)) return part.parts.map(partText).join("");
  // Expansions are not evaluated here; they show up empty, which only affects what ps prints.
  return "";
}

function wordText(word: WordLike | null | undefined): string {
  return (word?.parts ?? []).map(partText).join("");
}

interface CommandLike {
  type?: string;
  name?: WordLike | null;
  args?: WordLike[];
  redirections?: { fd?: number | null; operator?: string }[];
}

/** Whether a command's stdout is redirected away from the pipe or terminal. */
function redirectsStdout(c: CommandLike): boolean {
  return (c.redirections ?? []).some((r) => (r.fd === null || r.fd === undefined || r.fd === 1) && [">", ">>", ">|", "&>", "&>>"].includes(r.operator ?? ""));
}

/**
 * Commands whose standard output is the terminal: the last of each pipeline
 * when not redirected. ls uses this to choose columns, as isatty(1) does.
 */
export function terminalWriters(line: string): Set<string> {
  const out = new Set<string>();
  const piped = new Set<string>();
  for (const pl of parsedPipelines(line)) {
    pl.forEach((c, i) => {
      const name = wordText(c.name);
      if (i === pl.length - 1 && !redirectsStdout(c)) out.add(name);
      else piped.add(name);
    });
  }
  // A command both piped and on the terminal in one line is ambiguous: fall back to the pipe form.
  for (const name of piped) out.delete(name);
  return out;
}

function parsedPipelines(line: string): CommandLike[][] {
  let ast: { statements?: { pipelines?: { commands?: CommandLike[] }[] }[] };
  try {
    ast = parse(line) as unknown as typeof ast;
  } catch {
    return [];
  }
  const out: CommandLike[][] = [];
  for (const st of ast.statements ?? []) {
    for (const pl of st.pipelines ?? []) {
      const cmds = (pl.commands ?? []).filter((c) => c.type === "SimpleCommand" && c.name);
      if (cmds.length) out.push(cmds);
    }
  }
  return out;
}

export function linePipelines(line: string): string[][][] {
  return parsedPipelines(line).map((pl) => pl.map((c) => [wordText(c.name), ...(c.args ?? []).map(wordText)]));
}
