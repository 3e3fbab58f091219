/** Count options shared by head and tail: -n N, -c N, -N, --lines=N, --bytes=N, with K/M suffixes and a +/- sign. */
export interface CountOpts {
  mode: "lines" | "bytes";
  count: number;
  /** "+N" for tail (from line N), "-N" for head (all but the last N). */
  sign: "" | "+" | "-";
  quiet: boolean;
  verbose: boolean;
  follow: boolean;
  /** -F / --follow=name: follow the name (reopen after rotation) rather than the open file. */
  followName: boolean;
  files: string[];
}

const SUFFIX: Record<string, number> = { "": 1, b: 512, K: 1024, k: 1024, M: 1024 ** 2, G: 1024 ** 3, KB: 1000, MB: 1000 ** 2 };

export function parseCount(spec: string): { n: number; sign: "" | "+" | "-" } | null {
  const m = /^([+-]?)(\d+)(b|K|k|M|G|KB|MB)?$/.exec(spec);
  if (!m) return null;
  return { n: Number(m[2]) * (SUFFIX[m[3] ?? ""] ?? 1), sign: (m[1] ?? "") as "" | "+" | "-" };
}

/** getopt clusters: `tail -fn 50` is -f -n 50, `tail -Fn50` is -F -n 50; -n/-c take the rest of the cluster or the next word. */
function expandClusters(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (!/^-[a-zA-Z]{2,}/.test(a) || /^-[nc]/.test(a)) {
      out.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a.charAt(j);
      if (c === "n" || c === "c") {
        out.push(`-${c}`);
        if (j + 1 < a.length) out.push(a.slice(j + 1));
        break;
      }
      out.push(`-${c}`);
    }
  }
  return out;
}

export function parseCountOpts(tool: "head" | "tail", rawArgs: string[]): CountOpts | string {
  const args = expandClusters(rawArgs);
  const o: CountOpts = { mode: "lines", count: 10, sign: "", quiet: false, verbose: false, follow: false, followName: false, files: [] };
  const invalid = (spec: string): string => `${tool}: invalid number of ${o.mode}: ‘${spec}’\n`;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    let spec: string | null = null;
    if (a === "-n" || a === "--lines" || a === "-c" || a === "--bytes") {
      o.mode = a === "-c" || a === "--bytes" ? "bytes" : "lines";
      spec = args[++i] ?? "";
    } else if (/^--(lines|bytes)=/.test(a)) {
      o.mode = a.startsWith("--bytes") ? "bytes" : "lines";
      spec = a.slice(a.indexOf("=") + 1);
    } else if (/^-[nc].+/.test(a)) {
      o.mode = a[1] === "c" ? "bytes" : "lines";
      spec = a.slice(2);
    } else if (/^-\d+$/.test(a)) spec = a.slice(1);
    else if (a === "-q" || a === "--quiet" || a === "--silent") o.quiet = true;
    else if (a === "-v" || a === "--verbose") o.verbose = true;
    else if (tool === "tail" && (a === "-f" || a === "--follow" || a === "--follow=descriptor")) o.follow = true;
    else if (tool === "tail" && (a === "-F" || a === "--follow=name")) o.follow = o.followName = true;
    else if (tool === "tail" && a === "--retry") continue;
    else if (a === "--") {
      o.files.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith("-") && a !== "-") return `${tool}: invalid option -- '${a.slice(1, 2)}'\nTry '${tool} --help' for more information.\n`;
    else o.files.push(a);
    if (spec !== null) {
      const c = parseCount(spec);
      if (!c) return invalid(spec);
      o.count = c.n;
      o.sign = c.sign;
    }
  }
  return o;
}

/** The `==> FILE <==` line before each file's part, when there are several files (or -v, unless -q). */
export function fileHeaders(files: readonly string[], o: { quiet: boolean; verbose: boolean }): (file: string) => string {
  let printed = false;
  return (f) => {
    if ((files.length <= 1 || o.quiet) && !o.verbose) return "";
    const text = `${printed ? "\n" : ""}==> ${f === "-" ? "standard input" : f} <==\n`;
    printed = true;
    return text;
  };
}
