import type { Host } from "../host.ts";
import { installUnit } from "../../services/units.ts";

/**
 * The stock services of a Debian 12 server, with the unit files Debian ships
 * (trimmed of comments), attached to the daemons already in the process table.
 */
const STOCK: { name: string; comm: string; text: string }[] = [
  {
    name: "cron.service",
    comm: "cron",
    text: `[Unit]
Description=Regular background program processing daemon
Documentation=man:cron(8)
After=remote-fs.target nss-user-lookup.target

[Service]
EnvironmentFile=-/etc/default/cron
ExecStart=/usr/sbin/cron -f $EXTRA_OPTS
IgnoreSIGPIPE=false
KillMode=process
Restart=on-failure

[Install]
WantedBy=multi-user.target
`,
  },
  {
    name: "ssh.service",
    comm: "sshd",
    text: `[Unit]
Description=OpenBSD Secure Shell server
Documentation=man:sshd(8) man:sshd_config(5)
After=network.target auditd.service
ConditionPathExists=!/etc/ssh/sshd_not_to_be_run

[Service]
EnvironmentFile=-/etc/default/ssh
ExecStartPre=/usr/sbin/sshd -t
ExecStart=/usr/sbin/sshd -D $SSHD_OPTS
ExecReload=/usr/sbin/sshd -t
ExecReload=/bin/kill -HUP $MAINPID
KillMode=process
Restart=on-failure
RestartPreventExitStatus=255
Type=notify
RuntimeDirectory=sshd
RuntimeDirectoryMode=0755

[Install]
WantedBy=multi-user.target
Alias=sshd.service
`,
  },
  {
    name: "dbus.service",
    comm: "dbus-daemon",
    text: `[Unit]
Description=D-Bus System Message Bus
Documentation=man:dbus-daemon(1)
Requires=dbus.socket

[Service]
ExecStart=/usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only
ExecReload=/usr/bin/dbus-send --print-reply --system --type=method_call --dest=org.freedesktop.DBus / org.freedesktop.DBus.ReloadConfig
OOMScoreAdjust=-900
`,
  },
  {
    name: "systemd-journald.service",
    comm: "systemd-journal",
    text: `[Unit]
Description=Journal Service
Documentation=man:systemd-journald.service(8) man:journald.conf(5)
DefaultDependencies=no

[Service]
ExecStart=/lib/systemd/systemd-journald
Restart=always
RestartSec=0
`,
  },
  {
    name: "systemd-logind.service",
    comm: "systemd-logind",
    text: `[Unit]
Description=User Login Management
Documentation=man:sd-login(3) man:systemd-logind.service(8) man:logind.conf(5)

[Service]
ExecStart=/lib/systemd/systemd-logind
Restart=always
RestartSec=0
`,
  },
  {
    name: "systemd-udevd.service",
    comm: "systemd-udevd",
    text: `[Unit]
Description=Rule-based Manager for Device Events and Files
Documentation=man:systemd-udevd.service(8) man:udev(7)

[Service]
ExecStart=/lib/systemd/systemd-udevd
Restart=always
RestartSec=0
`,
  },
];

export function installStockUnits(host: Host): void {
  const old = host.state.clock.bootMs - 200 * 86400_000;
  for (const spec of STOCK) {
    const proc = Object.values(host.state.procs).find((p) => p.comm === spec.comm && p.ppid === 1);
    const unit = installUnit(host, { name: spec.name, path: `/lib/systemd/system/${spec.name}`, text: spec.text, program: spec.comm === "cron" ? "cron" : "daemon", mtimeMs: old });
    if (!proc) continue;
    proc.unit = spec.name;
    unit.mainPid = proc.pid;
    unit.activeState = "active";
    unit.subState = "running";
    unit.stateSinceMs = proc.startMs;
    unit.activeEnterMs = proc.startMs;
    unit.memoryKb = proc.rssKb;
  }
}
