import { attachInode, createFile, mkdir, ROOT, symlink, tryResolve } from "./fs.ts";
import { renderGroup, renderPasswd } from "./users.ts";
import type { DirInode, GroupEntry, HostState, Mount, NetState, UserEntry } from "./types.ts";
import { spawn } from "./procs.ts";
import { hash32 } from "./rng.ts";
import { Host } from "./host.ts";
import { installStockUnits } from "./base/units.ts";
import { installBinaries } from "./base/binaries.ts";
import { installEtc } from "./base/etc.ts";
import { installVarLog } from "./base/var-log.ts";
import { bootJournal } from "./base/journal.ts";
import { spawnKernelThreads } from "./base/kthreads.ts";
import { CRONTAB_GID, installCron } from "./base/cron.ts";
import { vpcResolver } from "../net/defaults.ts";

/**
 * A Debian 12 cloud VM before any scenario touches it: the mounts `df` shows
 * on such a VM, the stock accounts, /etc files, and the daemons that run on
 * every box. Scenarios start from this and add their service and fault.
 */

const GIB_BLOCKS = 262144; // 4 KiB blocks per GiB

export interface BaseOptions {
  seed: number;
  hostname: string;
  nowMs: number;
  /** Size of / in GiB. */
  rootGiB: number;
  extraUsers?: UserEntry[];
  extraGroups?: GroupEntry[];
}

const STOCK_USERS: UserEntry[] = [
  { name: "root", uid: 0, gid: 0, gecos: "root", home: "/root", shell: "/bin/bash" },
  { name: "daemon", uid: 1, gid: 1, gecos: "daemon", home: "/usr/sbin", shell: "/usr/sbin/nologin" },
  { name: "bin", uid: 2, gid: 2, gecos: "bin", home: "/bin", shell: "/usr/sbin/nologin" },
  { name: "sys", uid: 3, gid: 3, gecos: "sys", home: "/dev", shell: "/usr/sbin/nologin" },
  { name: "sync", uid: 4, gid: 65534, gecos: "sync", home: "/bin", shell: "/bin/sync" },
  { name: "games", uid: 5, gid: 60, gecos: "games", home: "/usr/games", shell: "/usr/sbin/nologin" },
  { name: "man", uid: 6, gid: 12, gecos: "man", home: "/var/cache/man", shell: "/usr/sbin/nologin" },
  { name: "lp", uid: 7, gid: 7, gecos: "lp", home: "/var/spool/lpd", shell: "/usr/sbin/nologin" },
  { name: "mail", uid: 8, gid: 8, gecos: "mail", home: "/var/mail", shell: "/usr/sbin/nologin" },
  { name: "news", uid: 9, gid: 9, gecos: "news", home: "/var/spool/news", shell: "/usr/sbin/nologin" },
  { name: "uucp", uid: 10, gid: 10, gecos: "uucp", home: "/var/spool/uucp", shell: "/usr/sbin/nologin" },
  { name: "proxy", uid: 13, gid: 13, gecos: "proxy", home: "/bin", shell: "/usr/sbin/nologin" },
  { name: "www-data", uid: 33, gid: 33, gecos: "www-data", home: "/var/www", shell: "/usr/sbin/nologin" },
  { name: "backup", uid: 34, gid: 34, gecos: "backup", home: "/var/backups", shell: "/usr/sbin/nologin" },
  { name: "list", uid: 38, gid: 38, gecos: "Mailing List Manager", home: "/var/list", shell: "/usr/sbin/nologin" },
  { name: "irc", uid: 39, gid: 39, gecos: "ircd", home: "/run/ircd", shell: "/usr/sbin/nologin" },
  { name: "_apt", uid: 42, gid: 65534, gecos: "", home: "/nonexistent", shell: "/usr/sbin/nologin" },
  { name: "nobody", uid: 65534, gid: 65534, gecos: "nobody", home: "/nonexistent", shell: "/usr/sbin/nologin" },
  { name: "systemd-network", uid: 998, gid: 998, gecos: "systemd Network Management", home: "/", shell: "/usr/sbin/nologin" },
  { name: "messagebus", uid: 100, gid: 107, gecos: "", home: "/nonexistent", shell: "/usr/sbin/nologin" },
  { name: "sshd", uid: 101, gid: 65534, gecos: "", home: "/run/sshd", shell: "/usr/sbin/nologin" },
  { name: "admin", uid: 1000, gid: 1000, gecos: "Debian", home: "/home/admin", shell: "/bin/bash" },
];

const g = (name: string, gid: number, members: string[] = []): GroupEntry => ({ name, gid, members });
const STOCK_GROUPS: GroupEntry[] = [
  g("root", 0), g("daemon", 1), g("bin", 2), g("sys", 3), g("adm", 4, ["admin"]), g("tty", 5), g("disk", 6),
  g("lp", 7), g("mail", 8), g("news", 9), g("uucp", 10), g("man", 12), g("proxy", 13), g("kmem", 15),
  g("dialout", 20, ["admin"]), g("cdrom", 24, ["admin"]), g("floppy", 25, ["admin"]), g("sudo", 27, ["admin"]),
  g("audio", 29, ["admin"]), g("dip", 30, ["admin"]), g("www-data", 33), g("backup", 34), g("operator", 37),
  g("list", 38), g("irc", 39), g("src", 40), g("shadow", 42), g("utmp", 43), g("video", 44, ["admin"]),
  g("sasl", 45), g("plugdev", 46, ["admin"]), g("staff", 50), g("games", 60), g("users", 100), g("nogroup", 65534),
  g("systemd-journal", 999), g("systemd-network", 998), g("crontab", CRONTAB_GID), g("netdev", 106, ["admin"]), g("messagebus", 107), g("admin", 1000),
];

function mount(dev: number, source: string, target: string, fstype: string, blocks: number, inodes: number, reserved = 0): Mount {
  // Boot mounts /dev and /run before the root filesystem is remounted read-write.
  const seq = ["/dev", "/run", "/", "/dev/shm", "/run/lock", "/boot/efi", "/run/user/1000"].indexOf(target);
  return { seq, dev, source, target, fstype, options: "rw,relatime", blockSize: 4096, totalBlocks: blocks, reservedBlocks: reserved, totalInodes: inodes };
}

function rootDir(ino: number, dev: number, nowMs: number, mode = 0o755): DirInode {
  return { ino, dev, kind: "dir", mode, uid: 0, gid: 0, mtimeMs: nowMs, nlink: 2, entries: {} };
}

export function createBaseHost(opts: BaseOptions): HostState {
  const { nowMs } = opts;
  const bootMs = nowMs - (3 * 86400 + 7 * 3600 + 12 * 60) * 1000 - (opts.seed % 86400) * 1000;
  const rootBlocks = opts.rootGiB * GIB_BLOCKS;
  const mounts: Mount[] = [
    mount(0, "/dev/vda1", "/", "ext4", rootBlocks - 1300, Math.floor(rootBlocks / 4), Math.floor(rootBlocks * 0.05)),
    mount(1, "udev", "/dev", "devtmpfs", 251_635, 251_635),
    mount(2, "tmpfs", "/run", "tmpfs", 50_590, 252_950),
    mount(3, "tmpfs", "/dev/shm", "tmpfs", 252_950, 252_950),
    mount(4, "tmpfs", "/run/lock", "tmpfs", 1280, 252_950),
    mount(5, "/dev/vda15", "/boot/efi", "vfat", 31_743, 0),
    mount(6, "tmpfs", "/run/user/1000", "tmpfs", 50_590, 50_590),
  ];
  const state: HostState = {
    version: 1,
    hostname: opts.hostname,
    seed: opts.seed,
    rng: opts.seed >>> 0,
    clock: { nowMs, bootMs },
    users: [...STOCK_USERS, ...(opts.extraUsers ?? [])],
    groups: [...STOCK_GROUPS, ...(opts.extraGroups ?? [])],
    fs: { mounts, inodes: { 2: rootDir(2, 0, bootMs) }, nextIno: 12, rootIno: 2 },
    procs: {},
    nextPid: 1,
    units: {},
    journal: [],
    net: baseNet(opts.seed),
  };
  const old = bootMs - 200 * 86400 * 1000;
  const d = (path: string, extraMiB = 0, mode = 0o755, uid = 0, gid = 0): void => {
    const dir = mkdir(state, ROOT, path, { mode, uid, gid, mtimeMs: old });
    if (extraMiB) {
      dir.extraBlocks = extraMiB * 256;
      // A stock install averages about 40 KiB per file, which is what makes df -i show ~40k inodes in use.
      dir.extraInodes = extraMiB * 25;
    }
  };
  for (const p of ["/bin", "/sbin", "/lib", "/lib64"]) symlink(state, ROOT, `usr${p}`, p, { mtimeMs: old });
  d("/boot", 52); d("/boot/efi"); d("/dev"); d("/etc", 3); d("/home"); d("/media"); d("/mnt"); d("/opt");
  d("/proc", 0, 0o555); d("/root", 0, 0o700); d("/run"); d("/srv"); d("/sys", 0, 0o555); d("/tmp", 0, 0o1777);
  d("/usr", 1598); d("/usr/bin"); d("/usr/sbin"); d("/usr/lib"); d("/usr/lib64"); d("/usr/local"); d("/usr/local/bin"); d("/var"); d("/var/cache", 180); d("/var/lib", 96);
  d("/var/log", 0, 0o755, 0, 0); d("/var/log/journal", 0, 0o2755, 0, 999); d("/var/tmp", 0, 0o1777);
  d("/home/admin", 0, 0o700, 1000, 1000);
  // ext4's lost+found (16 KiB, root only) and the kernel/initrd links Debian keeps at the top.
  const lf = mkdir(state, ROOT, "/lost+found", { mode: 0o700, mtimeMs: old });
  lf.extraBlocks = 3;
  const kernel = "6.1.0-27-cloud-amd64";
  const previous = "6.1.0-26-cloud-amd64";
  for (const [link, target] of [["vmlinuz", `boot/vmlinuz-${kernel}`], ["vmlinuz.old", `boot/vmlinuz-${previous}`], ["initrd.img", `boot/initrd.img-${kernel}`], ["initrd.img.old", `boot/initrd.img-${previous}`]] as const) {
    symlink(state, ROOT, target, `/${link}`, { mtimeMs: bootMs - 86400_000 * 30 });
  }
  // Kernel filesystems and tmp are recreated at every boot.
  for (const p of ["/proc", "/sys", "/tmp"]) {
    const inode = tryResolve(state, ROOT, p)?.inode;
    if (inode) inode.mtimeMs = bootMs + 4_000;
  }
  // Mounted filesystems replace their mountpoint directory with their own root.
  let nextIno = 1;
  // What a booted VM has on them that the model does not spell out: udev's nodes, systemd's
  // runtime state, the EFI loader. [KiB, inodes]
  const lived: Record<string, [number, number]> = { "/dev": [0, 380], "/run": [612, 690], "/boot/efi": [5952, 0] };
  for (const m of mounts.slice(1)) {
    const dir = rootDir(1_000_000 + nextIno++, m.dev, bootMs, m.target === "/dev/shm" ? 0o1777 : 0o755);
    const [kib, inodes] = lived[m.target] ?? [0, 0];
    if (kib) dir.extraBlocks = kib / 4;
    if (inodes) dir.extraInodes = inodes;
    attachInode(state, m.target, dir);
  }
  installBinaries(state, old);
  installEtc(state, opts.hostname, old, bootMs + 21_000);
  installVarLog(state, old, bootMs);
  installCron(state, old);
  createFile(state, ROOT, "/etc/hostname", `${opts.hostname}\n`, { mtimeMs: old });
  createFile(state, ROOT, "/etc/passwd", renderPasswd(state), { mtimeMs: old });
  createFile(state, ROOT, "/etc/group", renderGroup(state), { mtimeMs: old });
  createFile(state, ROOT, "/etc/os-release", OS_RELEASE, { mtimeMs: old });
  createFile(state, ROOT, "/etc/debian_version", "12.8\n", { mtimeMs: old });
  createFile(state, ROOT, "/etc/hosts", `127.0.0.1\tlocalhost\n127.0.1.1\t${opts.hostname}\n\n::1\tlocalhost ip6-localhost ip6-loopback\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n`, { mtimeMs: old });
  for (const name of ["null", "zero", "urandom"] as const) {
    const ino = state.fs.nextIno++;
    state.fs.inodes[ino] = { ino, dev: 1, kind: "chr", device: name, mode: 0o666, uid: 0, gid: 0, mtimeMs: bootMs, nlink: 1 };
    const devRoot = state.fs.inodes[1_000_001];
    if (devRoot && devRoot.kind === "dir") devRoot.entries[name] = ino;
  }
  spawnBaseDaemons(state);
  const host = new Host(state);
  installStockUnits(host);
  bootJournal(host);
  settleDirMtimes(state);
  return state;
}

/**
 * One NIC in a cloud VPC subnet (10.0.1.0/24, gateway .1, the VPC resolver at
 * 10.0.0.2) with a DHCP lease, as systemd-networkd configures Debian 12 cloud
 * images. The seed picks the address and MAC so answers cannot be memorised.
 */
function baseNet(seed: number): NetState {
  const octet = 10 + (seed % 200);
  const macTail = [(seed >>> 8) & 0xff, (seed >>> 16) & 0xff, seed & 0xff].map((b) => b.toString(16).padStart(2, "0")).join(":");
  const address = `10.0.1.${octet}`;
  return {
    interfaces: [
      { name: "lo", index: 1, mac: "00:00:00:00:00:00", mtu: 65536, up: true, link: "loopback", addrs: [
        { family: "inet", address: "127.0.0.1", prefix: 8, scope: "host", dynamic: false },
        { family: "inet6", address: "::1", prefix: 128, scope: "host", dynamic: false },
      ] },
      { name: "ens5", index: 2, mac: `0a:7e:51:${macTail}`, mtu: 9001, up: true, link: "ether", addrs: [
        { family: "inet", address, prefix: 24, scope: "global", dynamic: true, validLftSec: 3412, broadcast: "10.0.1.255" },
        { family: "inet6", address: linkLocal(`0a:7e:51:${macTail}`), prefix: 64, scope: "link", dynamic: false },
      ] },
    ],
    routes: [
      { dst: "default", via: "10.0.1.1", dev: "ens5", proto: "dhcp", src: address, metric: 100 },
      { dst: "10.0.0.2", via: "10.0.1.1", dev: "ens5", proto: "dhcp", src: address, metric: 100 },
      { dst: "10.0.1.0/24", dev: "ens5", proto: "kernel", scope: "link", src: address, metric: 100 },
      { dst: "10.0.1.1", dev: "ens5", proto: "dhcp", scope: "link", src: address, metric: 100 },
    ],
    dns: { "10.0.0.2": vpcResolver(address) },
  };
}

/**
 * Building the image touched every directory "now"; a real one was last
 * changed when its newest entry was written. Mount roots keep boot time.
 */
function settleDirMtimes(state: HostState): void {
  const visit = (ino: number): number => {
    const inode = state.fs.inodes[ino];
    if (!inode) return 0;
    if (inode.kind !== "dir") return inode.mtimeMs;
    let newest = 0;
    for (const child of Object.values(inode.entries)) newest = Math.max(newest, visit(child));
    if (newest > 0 && inode.mtimeMs >= state.clock.nowMs) inode.mtimeMs = newest;
    return Math.max(inode.mtimeMs, newest);
  };
  visit(state.fs.rootIno);
}

/** The EUI-64 link-local address the kernel derives from a MAC, printed with leading zeros dropped. */
function linkLocal(mac: string): string {
  const b = mac.split(":").map((h) => parseInt(h, 16));
  const bytes = [(b[0] ?? 0) ^ 2, b[1] ?? 0, b[2] ?? 0, 0xff, 0xfe, b[3] ?? 0, b[4] ?? 0, b[5] ?? 0];
  const groups = [0, 2, 4, 6].map((i) => (((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return `fe80::${groups.join(":")}`;
}

/** The processes every Debian 12 VM has, started shortly after boot. */
function spawnBaseDaemons(state: HostState): void {
  const at = (s: number): number => state.clock.bootMs + s * 1000;
  const base = { env: {}, cwd: "/", tty: null, nice: 0, rssGrowKbPerSec: 0, limits: { nofile: [1024, 524288] as [number, number], nproc: [7609, 7609] as [number, number] } };
  spawn(state, { ...base, ppid: 0, uid: 0, gid: 0, comm: "systemd", argv: ["/sbin/init"], exe: "/usr/lib/systemd/systemd", startMs: at(0), cpuShare: 0.0004, vszKb: 103_916, rssKb: 12_632, program: "init", noReap: false, statFlags: "s" });
  // init is pid 1 and kthreadd pid 2 on every Linux boot.
  state.nextPid = 2;
  spawn(state, { ...base, ppid: 0, uid: 0, gid: 0, comm: "kthreadd", argv: [], exe: "", startMs: at(0), cpuShare: 0, vszKb: 0, rssKb: 0, state: "S" });
  state.nextPid = 3;
  spawnKernelThreads(state, at(0));
  state.nextPid = 240 + (state.seed % 40);
  // Daemons started by systemd are session leaders ("Ss"); agetty also owns its console ("Ss+").
  const daemon = (comm: string, argv: string[], uid: number, vszKb: number, rssKb: number, s: number, statFlags = "s"): void => {
    const cpuShare = 0.00005 + (hash32(state.seed, comm) % 100) / 400_000;
    spawn(state, { ...base, ppid: 1, uid, gid: uid, comm, argv, exe: argv[0] ?? "", startMs: at(s), cpuShare, vszKb, rssKb, statFlags, program: comm === "cron" ? "cron" : "daemon" });
  };
  daemon("systemd-journal", ["/lib/systemd/systemd-journald"], 0, 49_240, 16_384, 2);
  daemon("systemd-udevd", ["/lib/systemd/systemd-udevd"], 0, 25_672, 6_380, 2);
  daemon("cron", ["/usr/sbin/cron", "-f"], 0, 6_608, 2_688, 5);
  daemon("dbus-daemon", ["/usr/bin/dbus-daemon", "--system", "--address=systemd:", "--nofork", "--nopidfile", "--systemd-activation", "--syslog-only"], 100, 9_120, 4_992, 5);
  daemon("systemd-logind", ["/lib/systemd/systemd-logind"], 0, 25_304, 8_064, 5);
  daemon("agetty", ["/sbin/agetty", "-o", "-p -- \\u", "--noclear", "-", "linux"], 0, 5_876, 1_920, 6, "s+");
  daemon("sshd", ["sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"], 0, 15_432, 9_216, 6);
  // init and the daemons have stdio on /dev/null; sshd listens on :22 with OpenSSH's backlog of 128.
  for (const proc of Object.values(state.procs)) {
    if (proc.ppid !== 1 && proc.pid !== 1) continue;
    proc.fds = { "0": { kind: "chr", path: "/dev/null", mode: "r" }, "1": { kind: "chr", path: "/dev/null", mode: "w" }, "2": { kind: "chr", path: "/dev/null", mode: "w" } };
    if (proc.comm === "sshd") {
      proc.fds["3"] = { kind: "socket", proto: "TCP", localPort: 22, state: "LISTEN", inode: 18_237 };
      proc.params = { backlog: 128 };
    }
    // OOMScoreAdjust= of Debian's units (journald -250, udevd -1000, dbus -900); OpenSSH's listener sets -1000 itself.
    const adj = BASE_OOM_SCORE_ADJ[proc.comm];
    if (adj !== undefined) proc.oomScoreAdj = adj;
  }
}

const BASE_OOM_SCORE_ADJ: Record<string, number> = { "systemd-journal": -250, "systemd-udevd": -1000, "dbus-daemon": -900, sshd: -1000 };

const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;
