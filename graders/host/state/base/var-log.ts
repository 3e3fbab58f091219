import { createFile, mkdir, ROOT } from "../fs.ts";
import type { HostState } from "../types.ts";

/**
 * What /var/log holds on a Debian 12 cloud image before anything else is
 * installed: the package logs from the image build, cloud-init's logs, the
 * login accounting files, and directories for apt and the logs only root may
 * read. Debian 12 has no rsyslog by default, so there is no syslog file:
 * everything else goes to the journal.
 */
export function installVarLog(state: HostState, imageMs: number, bootMs: number): void {
  const ADM = 4;
  const UTMP = 43;
  mkdir(state, ROOT, "/var/log/apt", { mtimeMs: imageMs });
  createFile(state, ROOT, "/var/log/apt/history.log", `\nStart-Date: ${stamp(imageMs)}\nCommandline: apt-get -y install cloud-init\nInstall: cloud-init:amd64 (22.4.2-1+deb12u1)\nEnd-Date: ${stamp(imageMs + 41_000)}\n`, { mtimeMs: imageMs });
  createFile(state, ROOT, "/var/log/apt/term.log", `\nLog started: ${stamp(imageMs)}\nSelecting previously unselected package cloud-init.\nPreparing to unpack .../cloud-init_22.4.2-1+deb12u1_all.deb ...\nUnpacking cloud-init (22.4.2-1+deb12u1) ...\nSetting up cloud-init (22.4.2-1+deb12u1) ...\nLog ended: ${stamp(imageMs + 41_000)}\n\n`, { gid: ADM, mode: 0o640, mtimeMs: imageMs });
  createFile(state, ROOT, "/var/log/apt/eipp.log.xz", "", { mtimeMs: imageMs }).genBytes = 16_552;
  createFile(state, ROOT, "/var/log/alternatives.log", `update-alternatives ${dpkgStamp(imageMs)}: run with --install /usr/bin/awk awk /usr/bin/mawk 5\nupdate-alternatives ${dpkgStamp(imageMs)}: link group awk updated to point to /usr/bin/mawk\nupdate-alternatives ${dpkgStamp(imageMs + 9_000)}: run with --install /usr/bin/vi vi /usr/bin/vim.basic 30\n`, { mtimeMs: imageMs });
  createFile(state, ROOT, "/var/log/dpkg.log", `${dpkgStamp(imageMs)} startup archives unpack\n${dpkgStamp(imageMs + 1_000)} install cloud-init:all <none> 22.4.2-1+deb12u1\n${dpkgStamp(imageMs + 2_000)} status half-installed cloud-init:all 22.4.2-1+deb12u1\n${dpkgStamp(imageMs + 6_000)} status installed cloud-init:all 22.4.2-1+deb12u1\n`, { mtimeMs: imageMs });
  const ci = (at: number, msg: string): string => `${dpkgStamp(at)},${String(at % 1000).padStart(3, "0")} - ${msg}\n`;
  createFile(state, ROOT, "/var/log/cloud-init.log",
    ci(bootMs + 6_112, "util.py[DEBUG]: Cloud-init v. 22.4.2 running 'init-local' at " + new Date(bootMs + 6_112).toUTCString().replace("GMT", "+0000") + ". Up 6.11 seconds.") +
    ci(bootMs + 9_480, "util.py[DEBUG]: Cloud-init v. 22.4.2 running 'init' at " + new Date(bootMs + 9_480).toUTCString().replace("GMT", "+0000") + ". Up 9.48 seconds.") +
    ci(bootMs + 10_233, "cc_ssh.py[DEBUG]: Generating keypair for ed25519") +
    ci(bootMs + 18_907, "util.py[DEBUG]: Cloud-init v. 22.4.2 finished at " + new Date(bootMs + 18_907).toUTCString().replace("GMT", "+0000") + ". Datasource DataSourceEc2Local.  Up 18.91 seconds"),
    { gid: ADM, mode: 0o640, mtimeMs: bootMs + 19_000 });
  createFile(state, ROOT, "/var/log/cloud-init-output.log",
    `Cloud-init v. 22.4.2 running 'init' at ${new Date(bootMs + 9_480).toUTCString().replace("GMT", "+0000")}. Up 9.48 seconds.\nci-info: ++++++++++++++++++++++++++++Net device info++++++++++++++++++++++++++++\nCloud-init v. 22.4.2 running 'modules:config' at ${new Date(bootMs + 14_020).toUTCString().replace("GMT", "+0000")}. Up 14.02 seconds.\nCloud-init v. 22.4.2 finished at ${new Date(bootMs + 18_907).toUTCString().replace("GMT", "+0000")}. Datasource DataSourceEc2Local.  Up 18.91 seconds\n`,
    { gid: ADM, mode: 0o640, mtimeMs: bootMs + 19_000 });
  createFile(state, ROOT, "/var/log/btmp", "", { gid: UTMP, mode: 0o660, mtimeMs: imageMs });
  createFile(state, ROOT, "/var/log/lastlog", "", { gid: UTMP, mode: 0o664, mtimeMs: bootMs + 60_000 }).genBytes = 292_292;
  createFile(state, ROOT, "/var/log/wtmp", "", { gid: UTMP, mode: 0o664, mtimeMs: bootMs + 60_000 }).genBytes = 4_608;
  mkdir(state, ROOT, "/var/log/private", { mode: 0o700, mtimeMs: imageMs });
  mkdir(state, ROOT, "/var/log/unattended-upgrades", { mode: 0o755, mtimeMs: imageMs });
  createFile(state, ROOT, "/var/log/unattended-upgrades/unattended-upgrades-shutdown.log", "", { mtimeMs: imageMs });
}

const pad = (n: number): string => String(n).padStart(2, "0");

function dpkgStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}  ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
