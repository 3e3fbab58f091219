import helps from "./helps.json" with { type: "json" };

/**
 * `NAME --help` as the real tool prints it, recorded from the same packages
 * on Debian 12 (scripts/golden/record-help.ts): stdout, stderr and exit
 * status, since some tools print their usage to stderr and fail (ip: 255).
 * A tool with no recording gets its arguments as usual and answers itself.
 */

interface Recorded {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const HELPS: Record<string, Recorded> = helps;

/**
 * Does this command line ask for help? getopt_long takes --help among the
 * options before the first operand; after an operand it belongs to something
 * else (`sudo ls --help`, `timeout 5 cmd --help`), and after "--" to nobody.
 */
export function asksForHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === "--help") return true;
    if (a === "--" || !a.startsWith("-") || a === "-") return false;
  }
  return false;
}

export function helpText(name: string, args: readonly string[]): Recorded | null {
  if (!asksForHelp(args)) return null;
  return HELPS[name] ?? null;
}

export function hasHelp(name: string): boolean {
  return name in HELPS;
}
