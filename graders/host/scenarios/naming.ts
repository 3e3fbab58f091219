import type { GroupEntry, UserEntry } from "../state/types.ts";

/**
 * Pieces every scenario's host is made of, so each builder states only what
 * is particular to it.
 */

/** A fleet name such as `orders-prod-03`: the role picked by `h`, the number by its next byte. */
export function prodHostname(h: number, roles: readonly [string, ...string[]], count: number): string {
  return `${roles[h % roles.length] ?? roles[0]}-prod-0${1 + ((h >>> 8) % count)}`;
}

/** A system account for a service and its own group, as `adduser --system --group` makes them. */
export function serviceAccount(name: string, uid: number, gid: number, home = "/nonexistent"): { extraUsers: UserEntry[]; extraGroups: GroupEntry[] } {
  return {
    extraUsers: [{ name, uid, gid, gecos: "", home, shell: "/usr/sbin/nologin" }],
    extraGroups: [{ name, gid, members: [] }],
  };
}
