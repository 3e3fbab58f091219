import { STRERROR, type Errno } from "../state/errors.ts";

/**
 * just-bash reports shell-level errors as a script would ("bash: line 3: ...");
 * an interactive login shell prints "-bash: ..." without line numbers.
 */
export function toLoginShellErrors(stderr: string): string {
  return stderr.replace(/^bash: (?:line \d+: )?/gm, "-bash: ");
}

/**
 * just-bash's own tools print an fs error they do not recognise as the raw
 * Node-style message ("EACCES: permission denied, access '/etc/x'"); GNU tools
 * print strerror() there ("Permission denied").
 */
export function toStrerror(stderr: string): string {
  return stderr.replace(/\b(E[A-Z]+): [a-z -]+, \w+ '[^'\n]*'/g, (whole, code: string) => STRERROR[code as Errno] ?? whole);
}

/**
 * A redirect whose target cannot be opened: just-bash says "cannot open
 * redirect target"; bash prints the errno text from open(2).
 */
export function redirectErrors(stderr: string, lastError: Errno | null): string {
  return stderr.replace(/^(-?bash: .*): cannot open redirect target$/gm, (_m, head: string) => `${head}: ${STRERROR[lastError ?? "EACCES"]}`);
}
