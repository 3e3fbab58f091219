import { createFile, mkdir, ROOT, symlink, tryResolve, unlink } from "../state/fs.ts";
import type { Host } from "../state/host.ts";
import { startUnit } from "../services/systemd.ts";
import { installUnit } from "../services/units.ts";
import type { Program } from "../programs/types.ts";
import { installPackage } from "./packages.ts";

/**
 * systemd-resolved as Debian 12 sets it up when installed: the daemon
 * (listening on 127.0.0.53 and 127.0.0.54), the per-link servers DHCP gave
 * it, its generated files under /run/systemd/resolve, and /etc/resolv.conf
 * as a symlink to the stub file. `resolvectl status` reads all of this.
 */

export const STUB_RESOLV = "/run/systemd/resolve/stub-resolv.conf";
export const UPLINK_RESOLV = "/run/systemd/resolve/resolv.conf";

/** The daemon's sockets, recreated at every start. */
export const resolvedProgram: Program = {
  start(_host, proc) {
    proc.fds["12"] = { kind: "socket", proto: "UDP", localAddr: "127.0.0.53", localPort: 53, inode: 19_101 };
    proc.fds["13"] = { kind: "socket", proto: "TCP", localAddr: "127.0.0.53", localPort: 53, state: "LISTEN", inode: 19_102 };
    proc.fds["14"] = { kind: "socket", proto: "UDP", localAddr: "127.0.0.54", localPort: 53, inode: 19_103 };
    proc.fds["15"] = { kind: "socket", proto: "TCP", localAddr: "127.0.0.54", localPort: 53, state: "LISTEN", inode: 19_104 };
  },
  onSignal: (_host, _proc, sig) => sig === 1,
};

const UNIT = `[Unit]
Description=Network Name Resolution
Documentation=man:systemd-resolved.service(8)
Documentation=man:org.freedesktop.resolve1(5)
DefaultDependencies=no
After=systemd-sysctl.service systemd-sysusers.service
Before=sysinit.target network.target nss-lookup.target shutdown.target initrd-switch-root.target
Conflicts=shutdown.target initrd-switch-root.target
Wants=nss-lookup.target

[Service]
AmbientCapabilities=CAP_SETPCAP CAP_NET_RAW CAP_NET_BIND_SERVICE
BusName=org.freedesktop.resolve1
ExecStart=/lib/systemd/systemd-resolved
LockPersonality=yes
NoNewPrivileges=yes
ProtectSystem=strict
Restart=always
RestartSec=0
Type=notify
User=systemd-resolve
WatchdogSec=3min

[Install]
WantedBy=sysinit.target
Alias=dbus-org.freedesktop.resolve1.service
`;

export const RESOLVE_USER = { name: "systemd-resolve", uid: 997, gid: 997, gecos: "systemd Resolver", home: "/", shell: "/usr/sbin/nologin" };
export const RESOLVE_GROUP = { name: "systemd-resolve", gid: 997, members: [] };

/** Install and start resolved with `dns` as the DHCP servers of ens5; /etc/resolv.conf becomes the stub symlink. */
export function enableResolved(host: Host, dns: string[], domains: string[], atMs: number): void {
  const state = host.state;
  installPackage(state, "systemd-resolved", atMs);
  state.net.resolved = { links: { ens5: { dns, domains } } };
  if (!tryResolve(state, ROOT, "/run/systemd")) mkdir(state, ROOT, "/run/systemd", { mtimeMs: atMs });
  if (!tryResolve(state, ROOT, "/run/systemd/resolve")) mkdir(state, ROOT, "/run/systemd/resolve", { mtimeMs: atMs, uid: 997, gid: 997 });
  const head = "# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).\n# Do not edit.\n#\n# This file might be symlinked as /etc/resolv.conf. If you're looking at\n# /etc/resolv.conf and seeing this text, you have followed the symlink.\n#\n# This is a dynamic resolv.conf file for connecting local clients to the\n# internal DNS stub resolver of systemd-resolved. This file lists all\n# configured search domains.\n#\n# Run \"resolvectl status\" to see details about the uplink DNS servers\n# currently in use.\n#\n# Third party programs should typically not access this file directly, but only\n# through the symlink at /etc/resolv.conf. To manage man:resolv.conf(5) in a\n# different way, replace this symlink by a static file or a different symlink.\n#\n# See man:systemd-resolved.service(8) for details about the supported modes of\n# operation for /etc/resolv.conf.\n\n";
  const search = domains.length > 0 ? `search ${domains.join(" ")}\n` : "";
  createFile(state, ROOT, STUB_RESOLV, `${head}nameserver 127.0.0.53\noptions edns0 trust-ad\n${search}`, { mode: 0o644, uid: 997, gid: 997, mtimeMs: atMs });
  const uplinkHead = head.replace("stub-resolv.conf", "resolv.conf").replace(/# This is a dynamic resolv\.conf file for connecting local clients to the\n# internal DNS stub resolver of systemd-resolved\. This file lists all\n# configured search domains\./, "# This is a dynamic resolv.conf file for connecting local clients directly to\n# all known uplink DNS servers. This file lists all configured search domains.");
  createFile(state, ROOT, UPLINK_RESOLV, `${uplinkHead}${dns.map((d) => `nameserver ${d}\n`).join("")}${search}`, { mode: 0o644, uid: 997, gid: 997, mtimeMs: atMs });
  if (tryResolve(state, ROOT, "/etc/resolv.conf", false)) unlink(state, ROOT, "/etc/resolv.conf");
  symlink(state, ROOT, `../run/systemd/resolve/stub-resolv.conf`, "/etc/resolv.conf", { mtimeMs: atMs });
  const unit = installUnit(host, { name: "systemd-resolved.service", path: "/lib/systemd/system/systemd-resolved.service", text: UNIT, program: "systemd-resolved", mtimeMs: atMs, memoryKb: 6_200 });
  startUnit(host, unit);
}
