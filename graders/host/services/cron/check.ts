import { parseTable } from "./schedule.ts";

/**
 * crontab(1)'s check before installing a user table: the first syntax error
 * with its line number ("\"FILE\":3: bad minute"), then the refusal; a last
 * line without a newline is refused on its own. null when it may be installed.
 * `name` is what crontab prints: the file as given, "-" for stdin, the
 * temporary copy for -e.
 */
export function crontabErrors(text: string, name: string): string | null {
  if (text !== "" && !text.endsWith("\n")) return "new crontab file is missing newline before EOF, can't install.\n";
  const parsed = parseTable(text, false);
  if ("message" in parsed) return `"${name}":${parsed.line}: ${parsed.message}\nerrors in crontab file, can't install.\n`;
  return null;
}
