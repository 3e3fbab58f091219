import type { Cred } from "./fs.ts";
import type { GroupEntry, HostState, UserEntry } from "./types.ts";

/** Account lookups. /etc/passwd and /etc/group are rendered from the same tables (see render*). */

export function userByName(state: HostState, name: string): UserEntry | undefined {
  return state.users.find((u) => u.name === name);
}

export function userByUid(state: HostState, uid: number): UserEntry | undefined {
  return state.users.find((u) => u.uid === uid);
}

export function groupByGid(state: HostState, gid: number): GroupEntry | undefined {
  return state.groups.find((g) => g.gid === gid);
}

export function groupByName(state: HostState, name: string): GroupEntry | undefined {
  return state.groups.find((g) => g.name === name);
}

/** Name for display; tools print the number when no name exists. */
export function userName(state: HostState, uid: number): string {
  return userByUid(state, uid)?.name ?? String(uid);
}

export function groupName(state: HostState, gid: number): string {
  return groupByGid(state, gid)?.name ?? String(gid);
}

export function credFor(state: HostState, user: UserEntry): Cred {
  const groups = state.groups.filter((g) => g.gid === user.gid || g.members.includes(user.name)).map((g) => g.gid);
  return { uid: user.uid, gid: user.gid, groups };
}

export function renderPasswd(state: HostState): string {
  return state.users.map((u) => `${u.name}:x:${u.uid}:${u.gid}:${u.gecos}:${u.home}:${u.shell}\n`).join("");
}

export function renderGroup(state: HostState): string {
  return state.groups.map((g) => `${g.name}:x:${g.gid}:${g.members.join(",")}\n`).join("");
}
