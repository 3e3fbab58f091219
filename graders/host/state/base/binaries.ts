import { createFile, mkdir, ROOT, symlink, tryResolve } from "../fs.ts";
import type { HostState } from "../types.ts";

/**
 * Executables in /usr/bin with Debian 12's sizes. The shell finds commands by
 * looking for these files on $PATH, so a command exists on the host exactly
 * when its binary does: `which`, `ls /usr/bin` and `command not found` agree.
 * Contents are not modelled (all zero bytes).
 */
export const USR_BIN: Record<string, number> = {
  awk: 0, base64: 43_936, basename: 35_296, bash: 1_265_648, cat: 43_936, chmod: 64_448, clear: 14_640, comm: 39_552,
  chgrp: 72_672, chown: 76_768, cp: 151_168, dmesg: 72_000, groups: 35_328, less: 199_232, more: 43_576, crontab: 43_720, curl: 277_792, dash: 125_560, echo: 35_120, mawk: 162_440, find: 224_848, cut: 47_904, date: 126_424, df: 97_640, diff: 216_712, dirname: 35_296, du: 109_272, egrep: 41,
  env: 48_224, expand: 39_552, expr: 109_304, false: 35_296, fgrep: 41, file: 27_288, fold: 39_552, free: 27_040,
  grep: 203_152, gunzip: 2_346, gzip: 98_136, head: 47_904, hostname: 22_760, id: 47_904, join: 51_936, journalctl: 88_464,
  kill: 31_136, last: 51_520, ln: 68_448, ls: 151_344, lsof: 175_944, md5sum: 47_904, mkdir: 97_552, mv: 143_072, nl: 47_840,
  nproc: 35_296, od: 76_448, paste: 39_552, pgrep: 31_048, pidof: 22_768, pkill: 31_048, printenv: 35_296, printf: 55_872, ps: 154_488, pwd: 39_456, readlink: 47_904, rev: 14_568,
  rm: 72_512, rmdir: 47_840, sed: 122_224, seq: 51_904, sh: 0, sha1sum: 51_936, sha256sum: 51_936, sleep: 35_328,
  sort: 117_424, split: 55_968, ss: 140_968, stat: 84_192, strings: 35_576, su: 72_000, sudo: 281_624, systemctl: 1_318_688,
  tac: 39_552, top: 133_288, tail: 68_464, tar: 524_728, tee: 39_552, timeout: 39_840, touch: 97_512, tr: 47_872, true: 35_296,
  truncate: 39_616, uname: 35_296, unexpand: 39_552, uniq: 47_904, uptime: 14_616, wc: 47_904, which: 1_076,
  nano: 283_856, vi: 0, vim: 0, "vim.basic": 3_858_432, sudoedit: 0,
  namei: 35_136, ionice: 35_136, renice: 14_648, mount: 59_704, umount: 35_128, findmnt: 85_600, lsblk: 207_168, timedatectl: 43_384, man: 124_272,
  vmstat: 39_848, watch: 27_248, w: 22_784, who: 55_904, whoami: 35_296, xargs: 64_896, zcat: 1_984, ip: 728_848, column: 35_520, time: 14_720,
  // libc-bin, iputils-ping and bind9-dnsutils, which Debian 12 cloud images ship.
  getent: 36_320, ping: 89_768, dig: 159_440, host: 122_672, nslookup: 126_768,
  // python3 (Debian's 3.11.2): cloud-init depends on it, so every cloud image has it.
  python3: 0, "python3.11": 6_831_736,
  // openssl: ca-certificates depends on it, so cloud images have the CLI.
  openssl: 1_013_720,
};

/** Names that are symlinks on Debian 12 (awk via alternatives to mawk, sh to dash). */
const LINKS: Record<string, string> = { python3: "python3.11", awk: "/etc/alternatives/awk", sh: "dash", vi: "/etc/alternatives/vi", vim: "/etc/alternatives/vim", sudoedit: "sudo" };

/** Alternatives the binaries above go through: awk is mawk, vi and vim are vim.basic. */
const ALTERNATIVES: Record<string, string> = { awk: "/usr/bin/mawk", vi: "/usr/bin/vim.basic", vim: "/usr/bin/vim.basic" };

/** setuid root on Debian 12: sudo, and util-linux mount/umount (users may mount "user" fstab entries). */
const SETUID = new Set(["sudo", "mount", "umount"]);

/** /usr/sbin: not on a user's PATH on Debian (only root's and sudo's secure_path). */
export const USR_SBIN: Record<string, number | string> = { sysctl: 22_896, fsck: 55_664, e2fsck: 356_624, "fsck.ext4": "e2fsck" };

export function installBinaries(state: HostState, mtimeMs: number): void {
  for (const [name, size] of Object.entries(USR_BIN)) {
    const path = `/usr/bin/${name}`;
    if (tryResolve(state, ROOT, path, false)) continue;
    const link = LINKS[name];
    if (link) {
      symlink(state, ROOT, link, path, { mtimeMs });
      continue;
    }
    const f = createFile(state, ROOT, path, "", { mode: SETUID.has(name) ? 0o4755 : 0o755, mtimeMs });
    f.genBytes = size;
  }
  for (const [name, size] of Object.entries(USR_SBIN)) {
    const path = `/usr/sbin/${name}`;
    if (tryResolve(state, ROOT, path, false)) continue;
    if (typeof size === "string") symlink(state, ROOT, size, path, { mtimeMs });
    else createFile(state, ROOT, path, "", { mode: 0o755, mtimeMs }).genBytes = size;
  }
  // awk goes through the alternatives system to mawk.
  if (!tryResolve(state, ROOT, "/etc/alternatives")) mkdir(state, ROOT, "/etc/alternatives", { mtimeMs });
  for (const [name, target] of Object.entries(ALTERNATIVES)) {
    if (!tryResolve(state, ROOT, `/etc/alternatives/${name}`, false)) symlink(state, ROOT, target, `/etc/alternatives/${name}`, { mtimeMs });
  }
}
