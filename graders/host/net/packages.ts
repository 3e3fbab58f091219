import { createFile, mkdir, ROOT, symlink, tryResolve } from "../state/fs.ts";
import type { HostState } from "../state/types.ts";

/**
 * Network packages that a stock Debian 12 cloud image does not ship but a
 * scenario's host may have installed: their executables (Debian's sizes and
 * layout, iptables through the alternatives system) so that `which`,
 * `command not found` and /usr/sbin not being on admin's PATH all hold.
 */

type Entry = { path: string; size: number } | { path: string; link: string };

const PACKAGES: Record<string, Entry[]> = {
  iptables: [
    // Debian links these to the multi-call xtables-nft-multi, which picks its tool from argv[0];
    // the shell runs a /usr/sbin binary by the name its symlinks end at, so here each is its own file.
    { path: "/usr/sbin/xtables-nft-multi", size: 228_512 },
    { path: "/usr/sbin/iptables-nft", size: 228_512 },
    { path: "/usr/sbin/iptables-nft-save", size: 228_512 },
    { path: "/usr/sbin/iptables-nft-restore", size: 228_512 },
    { path: "/etc/alternatives/iptables", link: "/usr/sbin/iptables-nft" },
    { path: "/etc/alternatives/iptables-save", link: "/usr/sbin/iptables-nft-save" },
    { path: "/etc/alternatives/iptables-restore", link: "/usr/sbin/iptables-nft-restore" },
    { path: "/usr/sbin/iptables", link: "/etc/alternatives/iptables" },
    { path: "/usr/sbin/iptables-save", link: "/etc/alternatives/iptables-save" },
    { path: "/usr/sbin/iptables-restore", link: "/etc/alternatives/iptables-restore" },
  ],
  "iptables-persistent": [
    { path: "/usr/sbin/netfilter-persistent", size: 1_530 },
  ],
  // certbot 2.1.0 (python3-certbot): a Python entry-point script.
  certbot: [
    { path: "/usr/bin/certbot", size: 395 },
  ],
  "net-tools": [
    { path: "/usr/bin/netstat", size: 155_304 },
  ],
  // sysstat 12.6.1: iostat (the model's only sysstat tool so far).
  sysstat: [
    { path: "/usr/bin/iostat", size: 51_576 },
  ],
  "systemd-resolved": [
    { path: "/usr/bin/resolvectl", size: 264_368 },
    { path: "/usr/lib/systemd/systemd-resolved", size: 576_688 },
  ],
};

/** Command name -> the package providing it, for the registry's "every command has a binary" rule. */
export const PACKAGE_COMMANDS: Record<string, string> = {
  iptables: "iptables", "iptables-save": "iptables", "iptables-restore": "iptables",
  "netfilter-persistent": "iptables-persistent", netstat: "net-tools", resolvectl: "systemd-resolved", certbot: "certbot", iostat: "sysstat",
};

export function installPackage(state: HostState, name: keyof typeof PACKAGES | string, mtimeMs: number): void {
  const entries = PACKAGES[name];
  if (!entries) throw new Error(`unknown package ${name}`);
  for (const e of entries) {
    if (tryResolve(state, ROOT, e.path, false)) continue;
    const dir = e.path.slice(0, e.path.lastIndexOf("/"));
    if (!tryResolve(state, ROOT, dir)) mkdir(state, ROOT, dir, { mtimeMs });
    if ("link" in e) symlink(state, ROOT, e.link, e.path, { mtimeMs });
    else createFile(state, ROOT, e.path, "", { mode: 0o755, mtimeMs }).genBytes = e.size;
  }
}
