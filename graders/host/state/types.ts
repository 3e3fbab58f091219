/**
 * The serialisable host model. Everything a simulated Debian host "is" lives in
 * one plain JSON-able object so that a session can be saved with
 * JSON.stringify and restored with JSON.parse: no classes, Maps or functions
 * here. Behaviour (programs, HTTP handlers, generated file content) is looked
 * up by name in code registries, so the state only stores names and numbers.
 */
import type { DnsServer, FirewallState, RemoteHost, ResolvedState } from "../net/types.ts";

export interface HostState {
  version: 1;
  hostname: string;
  seed: number;
  /** mulberry32 state; advanced by every draw so a restored host continues the same sequence. */
  rng: number;
  clock: ClockState;
  users: UserEntry[];
  groups: GroupEntry[];
  fs: FsState;
  procs: Record<string, Proc>;
  nextPid: number;
  units: Record<string, Unit>;
  journal: JournalEntry[];
  net: NetState;
  /** The VM's disk limits when not the default cloud volume's (state/io.ts). */
  disk?: { maxKbps: number; maxIops: number };
  /** The utmp record of the candidate's ssh login (who, w, last). */
  login?: { user: string; tty: string; from: string; atMs: number };
  /** The kernel's load averages as of atMs (exponentially decaying, see state/load.ts). */
  load?: { atMs: number; avg: [number, number, number] };
  /** What executables do when run (by cron, ...): absolute path -> program name in programs/registry.ts. */
  execs?: Record<string, { program: string; params?: Record<string, string | number> }>;
  /** The cron daemon's loaded crontabs (see services/cron/database.ts). */
  cron?: CronDb;
  /** Kernel parameters changed from their defaults (at boot from /etc/sysctl.d, or by sysctl -w): name -> value. */
  sysctl?: Record<string, string>;
}

/** Interfaces and routes as the kernel holds them; sockets live on the owning processes' fds. */
export interface NetState {
  interfaces: NetInterface[];
  routes: Route[];
  /** DNS servers beyond this host by IP (net/resolve.ts); absent on old saved hosts. */
  dns?: Record<string, DnsServer>;
  /** Other machines by IP: reachability, open TCP ports, HTTP responder (net/remote.ts). */
  remotes?: Record<string, RemoteHost>;
  /** systemd-resolved's per-link DNS from DHCP, present when it is installed. */
  resolved?: ResolvedState;
  /** iptables (nf_tables) filter table; absent means empty chains with ACCEPT policies. */
  firewall?: FirewallState;
}

export interface NetInterface {
  name: string;
  index: number;
  mac: string;
  mtu: number;
  up: boolean;
  /** "loopback" prints `link/loopback`, "ether" prints `link/ether`. */
  link: "loopback" | "ether";
  addrs: NetAddr[];
}

export interface NetAddr {
  family: "inet" | "inet6";
  address: string;
  prefix: number;
  scope: "host" | "global" | "link";
  /** Leases from DHCP are `dynamic` with lifetimes counting down; static ones are `forever`. */
  dynamic: boolean;
  validLftSec?: number;
  broadcast?: string;
}

export interface Route {
  dst: string;
  via?: string;
  dev: string;
  proto: "dhcp" | "kernel" | "static" | "boot";
  scope?: "link" | "host";
  src?: string;
  metric?: number;
}

export interface ClockState {
  /** Simulated wall clock, epoch milliseconds. */
  nowMs: number;
  /** When the simulated kernel booted (uptime, ps START, /proc/uptime). */
  bootMs: number;
  /**
   * System clock minus true time (what NTP servers and the hypervisor's RTC say), in ms.
   * Absent means 0: the clock is right. `date -s` and NTP steps change it.
   */
  skewMs?: number;
  /** The kernel's "synchronized" flag (timedatectl: System clock synchronized); absent means yes. */
  ntpSynced?: boolean;
}

export interface UserEntry {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

export interface Mount {
  /** Index in FsState.mounts; stored on every inode as `dev`. */
  dev: number;
  source: string;
  target: string;
  fstype: string;
  options: string;
  blockSize: number;
  totalBlocks: number;
  /** ext4 reserves 5 % for root: df's Avail excludes them, Use% counts them as unavailable. */
  reservedBlocks: number;
  totalInodes: number;
  /** Order in /proc/mounts (df lists in this order); defaults to dev. */
  seq?: number;
  /** false while unmounted (umount): the mountpoint shows `coverIno` and the fs keeps its tree under `rootIno`. */
  mounted?: boolean;
  rootIno?: number;
  coverIno?: number;
  /** Filesystem identity for lsblk/blkid/findmnt and the fstab (UUID=...). */
  uuid?: string;
  label?: string;
  /** ext4 errors recorded in the superblock (EXT4_ERROR_FS): cleared only by e2fsck on the unmounted device. */
  fsErrors?: Ext4Errors;
}

export interface Ext4Errors {
  count: number;
  firstMs: number;
  lastMs: number;
  /** The damaged inode and the kernel function that hit it, as in "EXT4-fs error (device vdb1): ext4_lookup:1855: inode #..." */
  inode: number;
  func: string;
  line: number;
  /** What e2fsck reports and repairs, one problem per entry (already worded as e2fsck prints them). */
  problems: string[];
  /** jbd2 aborted the journal: ext4 refuses `remount,rw` until a fresh mount replays it. */
  journalAborted?: boolean;
}

export type InodeKind = "file" | "dir" | "symlink" | "chr";

interface InodeBase {
  ino: number;
  dev: number;
  kind: InodeKind;
  /** Permission bits only (0o7777); the type comes from `kind`. */
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
  /** Directory entries pointing here. 0 with open fds = deleted but still open. */
  nlink: number;
  /**
   * Blocks charged beyond the visible size. On a directory: the base system's
   * unmodelled contents (e.g. /usr's 1.6 GB), so du and df agree without
   * storing thousands of files.
   */
  extraBlocks?: number;
  /** Inodes of those unmodelled contents, so df -i shows a lived-in filesystem. */
  extraInodes?: number;
}

export interface FileInode extends InodeBase {
  kind: "file";
  /** Literal bytes at the end of the file (latin1-safe string). */
  text: string;
  /**
   * Bytes before `text` produced on demand by the named generator, so a 40 GB
   * log costs a few numbers in the state, not 40 GB.
   */
  genBytes: number;
  gen?: GeneratorRef;
}

export interface GeneratorRef {
  name: string;
  /** Generator-specific parameters (numbers/strings only). */
  params: Record<string, string | number>;
}

export interface DirInode extends InodeBase {
  kind: "dir";
  entries: Record<string, number>;
  /**
   * Huge directories: ranges of entries named `${prefix}${i}` for i in
   * [start, end), all files of one size and owner, counted rather than stored.
   */
  bulk?: BulkRange[];
}

export interface BulkRange {
  prefix: string;
  start: number;
  end: number;
  size: number;
  uid: number;
  gid: number;
  mode: number;
  /** mtime of entry i is mtimeMs + i * mtimeStepMs. */
  mtimeMs: number;
  mtimeStepMs: number;
}

export interface SymlinkInode extends InodeBase {
  kind: "symlink";
  target: string;
}

/** Character devices (/dev/null, /dev/zero): reads/writes handled by name. */
export interface ChrInode extends InodeBase {
  kind: "chr";
  device: "null" | "zero" | "urandom" | "tty";
}

export type Inode = FileInode | DirInode | SymlinkInode | ChrInode;

export interface FsState {
  mounts: Mount[];
  inodes: Record<string, Inode>;
  nextIno: number;
  rootIno: number;
}

export type FdTarget =
  | { kind: "file"; ino: number; path: string; mode: "r" | "w" | "a" | "rw"; offset: number }
  | { kind: "chr"; path: string; mode: "r" | "w" | "rw" }
  | { kind: "socket"; proto: "TCP" | "UDP" | "unix"; localPort?: number; state?: "LISTEN" | "ESTABLISHED"; inode: number; localAddr?: string; remote?: { addr: string; port: number } }
  | { kind: "pipe"; inode: number };

export type ProcState = "R" | "S" | "D" | "Z" | "T" | "I";

export interface Proc {
  pid: number;
  ppid: number;
  uid: number;
  gid: number;
  state: ProcState;
  comm: string;
  /** BSD STAT flags after the state letter: "s" session leader, "l" threaded, "+" foreground, "<"/"N" priority. */
  statFlags?: string;
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  exe: string;
  startMs: number;
  tty: string | null;
  /** Fraction of one CPU the process uses while it lives; cpu time = startCpuMs + age * cpuShare. */
  cpuShare: number;
  startCpuMs: number;
  vszKb: number;
  rssKb: number;
  /** Memory growth (leaks), KiB per simulated second. */
  rssGrowKbPerSec: number;
  nice: number;
  fds: Record<string, FdTarget>;
  limits: ProcLimits;
  /** Name of the behaviour in programs/registry.ts, if the process does anything over time. */
  program?: string;
  unit?: string;
  params?: Record<string, string | number>;
  /** The parent never wait()s: its exited children stay as zombies (state Z). */
  noReap?: boolean;
  /** /proc/PID/oom_score_adj (-1000..1000): biases the OOM killer's choice; 0 when unset. */
  oomScoreAdj?: number;
  /** RSS stops growing here (a working set that plateaus); no cap when unset. */
  rssCapKb?: number;
  /** Block I/O the process asks of the disk, KiB per second (iostat, vmstat bi/bo); none when unset. */
  ioReadKbPerSec?: number;
  ioWriteKbPerSec?: number;
  /** I/O scheduling class set with ionice (mq-deadline honours it); "none" (best effort from nice) when unset. */
  ioClass?: "realtime" | "best-effort" | "idle";
  ioPrio?: number;
}

export interface ProcLimits {
  nofile: [number, number];
  nproc: [number, number];
}

export type UnitActive = "active" | "inactive" | "failed" | "activating" | "deactivating";

export interface Unit {
  name: string;
  description: string;
  fragmentPath: string;
  execStart: string[];
  user: string;
  restart: "no" | "always" | "on-failure";
  enabled: boolean;
  activeState: UnitActive;
  subState: string;
  result: string;
  mainPid: number | null;
  /** When the current active/inactive state was entered. */
  stateSinceMs: number;
  program: string;
  /** Open files the main process gets at start: path -> fd. */
  logFile?: string;
  listenPort?: number;
  memoryKb: number;
  restarts: number;
  /** RestartSec= in milliseconds; systemd's 100 ms when unset. */
  restartSecMs?: number;
  /** Set while in `activating (auto-restart)`: when systemd starts it again (RestartSec). */
  restartAtMs?: number;
  /** Program parameters handed to the main process at start. */
  params: Record<string, string | number>;
  /** Environment= assignments and EnvironmentFile= paths, applied at start. */
  environment: Record<string, string>;
  environmentFiles: string[];
  /** LimitNOFILE= (soft and hard), applied at start; systemd's default otherwise. */
  limitNofile?: number;
  /** Drop-in files in effect, in the order systemd applied them. */
  dropIns: string[];
  /** Newest mtime of the fragment and drop-ins when last loaded: a newer file on disk needs daemon-reload. */
  loadedMtimeMs: number;
  /** How the last main process ended, for status's "Main PID: N (code=..., status=...)". */
  lastExit?: { pid: number; code: "exited" | "killed"; status: string };
  /** When the unit last entered active, for "since" and the CPU figure. */
  activeEnterMs?: number;
  /** OOMScoreAdjust=: the main process's oom_score_adj at start. */
  oomScoreAdjust?: number;
  /** Type=forking: ExecStart= is a control process that daemonizes; the main pid comes from PIDFile=. */
  type?: "simple" | "forking";
  /** ExecStartPre= command lines, run in order before ExecStart=; one failing fails the start. */
  execStartPre?: string[][];
  /** ExecReload= command line: `systemctl reload` runs it instead of restarting. */
  execReload?: string[];
  execStop?: string[];
  pidFile?: string;
  /** Documentation= URIs, for status's "Docs:" lines. */
  docs?: string[];
  /** The last run of each control command (ExecStartPre, ExecStart, ExecReload) for status's "Process:" lines. */
  controlRuns?: { label: string; pid: number; argv: string[]; code: number }[];
}

export interface JournalEntry {
  tsMs: number;
  /** syslog identifier printed before the pid, e.g. "systemd" or "app-server". */
  ident: string;
  pid: number | null;
  unit: string | null;
  /** 0 emerg .. 7 debug; kernel lines use pid null. */
  priority: number;
  message: string;
}

/** Mirrors cron's in-memory database: what it loaded, keyed by cron's own table names ("*system*", "*system*NAME", USER). */
export interface CronDb {
  userMtime: number;
  sysMtime: number;
  sysdMtime: number;
  tabs: Record<string, CronTab>;
  /** Minute (epoch ms) cron last ran jobs for, so a restored host never runs a minute twice. */
  lastMinuteMs?: number;
}

export interface CronTab {
  /** "/etc/cron.d/x" or "crontabs/USER", as cron logs it. */
  tabname: string;
  /** mtime when loaded; 0 is cron's "placeholder, rescan next minute". */
  mtimeMs: number;
  /** The text as loaded; null when the file was rejected (placeholder). */
  text: string | null;
  /** Owner of a user crontab (its entries run as them); system tables name the user per line. */
  user?: string;
}
