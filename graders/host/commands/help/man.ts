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
      const page = PAGES[name];
      // Recorded pages are sections 1 and 8; asking for another section finds nothing, as on a host without that page.
      const header = page?.split("\n", 1)[0] ?? "";
      const inSection = section === null || header.startsWith(`${name.toUpperCase()}(${section})`);
      if (page && inSection) stdout += page;
      else stderr += section ? `No manual entry for ${name} in section ${section}\n` : `No manual entry for ${name}\n`;
    }
    return { stdout, stderr, exitCode: stderr ? 16 : 0 };
  },
};
