/** A small flag parser for the CLI: `--name value`, `--name=value`, boolean `--flag`, and positionals. */
export interface ParsedArgs {
  positional: string[];
  values: Record<string, string>;
  flags: Record<string, boolean>;
}

export function parseArgs(argv: string[], spec: { values: string[]; flags: string[] }): ParsedArgs | string {
  const out: ParsedArgs = { positional: [], values: {}, flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--") || arg === "--") {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (spec.flags.includes(name) && eq === -1) {
      out.flags[name] = true;
    } else if (spec.values.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) return `--${name} needs a value`;
      out.values[name] = value;
    } else {
      return `unknown option ${arg}`;
    }
  }
  return out;
}
