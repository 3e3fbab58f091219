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
