/** Linux x86-64 signal names by number, as bash's `kill -l` lists them (32 and 33 are reserved by glibc). */
const BASE = [
  "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM",
  "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
];

export function signalName(n: number): string | null {
  if (n >= 1 && n <= 31) return BASE[n - 1] ?? null;
  if (n === 34) return "RTMIN";
  if (n === 64) return "RTMAX";
  if (n > 34 && n <= 49) return `RTMIN+${n - 34}`;
  if (n >= 50 && n < 64) return `RTMAX-${64 - n}`;
  return null;
}

/** bash's `kill -l`: five "NN) SIGNAME" cells per line, tab separated. */
export function signalTable(): string {
  const cells: string[] = [];
  for (let n = 1; n <= 64; n++) {
    const name = signalName(n);
    if (name) cells.push(`${String(n).padStart(2)}) SIG${name}`);
  }
  let out = "";
  cells.forEach((c, i) => {
    out += c + ((i + 1) % 5 === 0 ? "\n" : "\t");
  });
  return out.endsWith("\n") ? out : `${out}\n`;
}

/** A signal given as a number, a name, or a SIG-prefixed name, case-insensitively. */
export function parseSignal(spec: string): number | null {
  if (/^[0-9]+$/.test(spec)) {
    const n = Number(spec);
    return n === 0 || signalName(n) ? n : null;
  }
  const name = spec.toUpperCase().replace(/^SIG/, "");
  for (let n = 1; n <= 64; n++) if (signalName(n) === name) return n;
  return null;
}
