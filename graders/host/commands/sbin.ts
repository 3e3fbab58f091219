import type { HostCommand } from "./types.ts";

/**
 * Commands whose binary lives in /usr/sbin (nginx, ...). sudo execs them
 * straight from its secure_path, the way real sudo does, so they need no
 * entry on admin's PATH: `nginx -t` is "command not found" for admin and
 * `sudo nginx -t` works, as on Debian. Filled by registry.ts; kept apart so
 * sudo can look them up without importing the whole registry.
 */
export const SBIN_COMMANDS = new Map<string, HostCommand>();

export function registerSbin(...commands: HostCommand[]): void {
  for (const c of commands) SBIN_COMMANDS.set(c.name, c);
}

/**
 * The shell runs /usr/sbin/X (a full path, or root's $PATH) as a script:
 * its text is this one line, which hands over to the hidden dispatcher the
 * session registers, so `sudo -i` then `nginx -t` works as on Debian.
 */
export const SBIN_DISPATCH = "__prodloop_sbin";

export function sbinScript(canonicalPath: string): string | null {
  const m = /^\/usr\/sbin\/([^/]+)$/.exec(canonicalPath);
  const name = m?.[1];
  return name && SBIN_COMMANDS.has(name) ? `${SBIN_DISPATCH} ${name} "$@"\n` : null;
}
