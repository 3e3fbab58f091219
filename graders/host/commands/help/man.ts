import pages from "./manpages.json" with { type: "json" };
import type { HostCommand } from "../types.ts";

/**
 * man-db's `man NAME`, printed as `man NAME | cat` prints it (80 columns, no
 * pager, no overstrike). Pages are recorded from Debian 12
 * (scripts/golden/record-help.ts) and kept to the title line, NAME,
 * SYNOPSIS, the first 40 lines of DESCRIPTION and the footer: the rest of a
 * long page is cut, which is the one way these differ from the real ones.
 */

const PAGES: Record<string, string> = pages;
const SECTIONS = new Set(["1", "2", "3", "4", "5", "6", "7", "8", "9", "1p", "3p", "n", "l"]);

/** The section in a page's title line: "LS(1) ... LS(1)" -> "1" (the title may be an alias, e.g. SYSTEMD-TIMESYNCD.SERVICE(8)). */
function headerSection(page: string): string {
  return /^\S+\(([^)]+)\)/.exec(page)?.[1] ?? "";
}

export const man: HostCommand = {
  name: "man",
  async run(args) {
    const names: string[] = [];
    let section: string | null = null;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "-P" || a === "--pager" || a === "-L" || a === "--locale") i++;
      else if (a === "-s" || a === "--sections") section = args[++i] ?? null;
      else if (a.startsWith("-")) continue;
      else if (names.length === 0 && section === null && SECTIONS.has(a)) section = a;
      else names.push(a);
    }
    if (names.length === 0) {
      return { stdout: "", stderr: section ? `No manual entry for ${section}\n` : "What manual page do you want?\nFor example, try 'man man'.\n", exitCode: section ? 16 : 1 };
    }
    let stdout = "";
    let stderr = "";
    for (const name of names) {
      // Commands are stored by name, file formats and daemons as "name(section)"; man looks in section order 1, 8, 5, 7.
      const candidates = section !== null ? [`${name}(${section})`, name] : [name, `${name}(8)`, `${name}(5)`, `${name}(7)`];
      const page = candidates.map((k) => PAGES[k]).find((p) => p !== undefined && (section === null || headerSection(p) === section));
      if (page) stdout += page;
      else stderr += section ? `No manual entry for ${name} in section ${section}\n` : `No manual entry for ${name}\n`;
    }
    return { stdout, stderr, exitCode: stderr ? 16 : 0 };
  },
};
