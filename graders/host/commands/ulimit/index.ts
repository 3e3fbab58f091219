import type { HostCommand } from "../types.ts";

/**
 * bash 5.2's `ulimit` builtin over the login shell's own limits (the `-bash`
 * process in the table, so `cat /proc/$$/limits` agrees): -n/-u read and
 * set RLIMIT_NOFILE/RLIMIT_NPROC, -H/-S pick hard or soft, -a lists
 * everything. A new limit applies to this shell and what it starts, never
 * to services already running, which is the point people miss.
 */

const TABLE: [string, string, string][] = [
  ["real-time non-blocking time  (microseconds, -R)", "R", "unlimited"],
  ["core file size              (blocks, -c)", "c", "0"],
  ["data seg size               (kbytes, -d)", "d", "unlimited"],
  ["scheduling priority                 (-e)", "e", "0"],
  ["file size                   (blocks, -f)", "f", "unlimited"],
  ["pending signals                     (-i)", "i", "7609"],
  ["max locked memory           (kbytes, -l)", "l", "250460"],
  ["max memory size             (kbytes, -m)", "m", "unlimited"],
  ["open files                          (-n)", "n", ""],
  ["pipe size                (512 bytes, -p)", "p", "8"],
  ["POSIX message queues         (bytes, -q)", "q", "819200"],
  ["real-time priority                  (-r)", "r", "0"],
  ["stack size                  (kbytes, -s)", "s", "8192"],
  ["cpu time                   (seconds, -t)", "t", "unlimited"],
  ["max user processes                  (-u)", "u", ""],
  ["virtual memory              (kbytes, -v)", "v", "unlimited"],
  ["file locks                          (-x)", "x", "unlimited"],
];

const NAMES: Record<string, string> = { n: "open files", u: "max user processes" };

export const ulimit: HostCommand = {
  name: "ulimit",
  async run(args, _ctx, rt) {
    const shell = rt.host.state.procs[rt.shellPid];
    let hard = false;
    let soft = false;
    let all = false;
    let item = "f";
    let value: string | undefined;
    for (const a of args) {
      if (/^-[A-Za-z]+$/.test(a)) {
        for (const c of a.slice(1)) {
          if (c === "H") hard = true;
          else if (c === "S") soft = true;
          else if (c === "a") all = true;
          else if (TABLE.some(([, k]) => k === c)) item = c;
          else return { stdout: "", stderr: `bash: ulimit: -${c}: invalid option\nulimit: usage: ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]\n`, exitCode: 2 };
        }
      } else value = a;
    }
    const pair = (k: string): [number, number] | null => (shell ? (k === "n" ? shell.limits.nofile : k === "u" ? shell.limits.nproc : null) : null);
    const show = (k: string, fixed: string): string => {
      const p = pair(k);
      return p ? String(hard ? p[1] : p[0]) : fixed;
    };
    if (all) return { stdout: TABLE.map(([label, k, fixed]) => `${label} ${show(k, fixed)}\n`).join(""), stderr: "", exitCode: 0 };
    if (value === undefined) return { stdout: `${show(item, TABLE.find(([, k]) => k === item)?.[2] ?? "unlimited")}\n`, stderr: "", exitCode: 0 };
    const p = pair(item);
    const name = NAMES[item] ?? "limit";
    const n = value === "unlimited" ? Infinity : value === "hard" ? (p?.[1] ?? 0) : value === "soft" ? (p?.[0] ?? 0) : Number(value);
    if (!Number.isFinite(n) && value !== "unlimited") return { stdout: "", stderr: `bash: ulimit: ${value}: invalid number\n`, exitCode: 1 };
    if (!p) return { stdout: "", stderr: "", exitCode: 0 };
    const setSoft = soft || !hard;
    const setHard = hard || !soft;
    const newHard = setHard ? n : p[1];
    const newSoft = setSoft ? n : p[0];
    // Only root may raise a hard limit, and the soft one may not exceed the hard one.
    if ((setHard && n > p[1] && rt.cred.uid !== 0) || newSoft > newHard) {
      return { stdout: "", stderr: `bash: ulimit: ${name}: cannot modify limit: ${newSoft > newHard ? "Invalid argument" : "Operation not permitted"}\n`, exitCode: 1 };
    }
    // A fresh object: limits may be shared with a module-level default, never mutate them in place.
    if (shell) shell.limits = { ...shell.limits, [item === "n" ? "nofile" : "nproc"]: [newSoft, newHard] };
    return { stdout: "", stderr: "", exitCode: 0 };
  },
};
