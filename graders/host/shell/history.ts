/**
 * bash's history expansion for what people actually type: `!!`, `!N`, `!-N`,
 * `!$` and `!prefix`, outside single quotes. Returns the expanded line, or an
 * event-not-found error worded as bash words it.
 */
export type Expansion = { line: string; expanded: boolean } | { error: string };

export function expandHistory(line: string, history: readonly string[]): Expansion {
  let out = "";
  let expanded = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "\\" && quote !== "'") {
      out += c + (line[i + 1] ?? "");
      i++;
      continue;
    }
    if (c === "'" && quote !== '"') quote = quote === "'" ? null : "'";
    else if (c === '"' && quote !== "'") quote = quote === '"' ? null : '"';
    if (c !== "!" || quote === "'") {
      out += c;
      continue;
    }
    const rest = line.slice(i + 1);
    const m = /^(!|-?\d+|\$|[A-Za-z_./][^\s;|&]*)/.exec(rest);
    // A lone "!" (negation, "!=" in tests) is not an event designator.
    if (!m || rest.startsWith("=") || rest.startsWith("(")) {
      out += c;
      continue;
    }
    const spec = m[1] as string;
    let event: string | undefined;
    if (spec === "!") event = history[history.length - 1];
    else if (spec === "$") event = history[history.length - 1]?.trim().split(/\s+/).pop();
    else if (/^-\d+$/.test(spec)) event = history[history.length + Number(spec)];
    else if (/^\d+$/.test(spec)) event = history[Number(spec) - 1];
    else event = [...history].reverse().find((h) => h.startsWith(spec));
    if (event === undefined) return { error: `-bash: !${spec}: event not found\n` };
    out += event;
    expanded = true;
    i += spec.length;
  }
  return { line: out, expanded };
}
