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
}

export function linePipelines(line: string): string[][][] {
  let ast: { statements?: { pipelines?: { commands?: CommandLike[] }[] }[] };
  try {
    ast = parse(line) as unknown as typeof ast;
  } catch {
    return [];
  }
  const out: string[][][] = [];
  for (const st of ast.statements ?? []) {
    for (const pl of st.pipelines ?? []) {
      const cmds = (pl.commands ?? []).filter((c) => c.type === "SimpleCommand" && c.name);
      if (cmds.length === 0) continue;
      out.push(cmds.map((c) => [wordText(c.name), ...(c.args ?? []).map(wordText)]));
    }
  }
  return out;
}
