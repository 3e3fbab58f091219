import * as fs from "../../state/fs.ts";
import { isSysError } from "../../state/errors.ts";
import type { Cred } from "../../state/fs.ts";
import type { Host } from "../../state/host.ts";
import { NGINX_CONF } from "./conf-load.ts";
import { NGINX_V } from "./version.ts";
import { loadChecked, newConsole, report, startDaemon } from "./daemon.ts";

/**
 * The nginx 1.22.1 command line (nginx.c's option parser and what each mode
 * does), shared by the `nginx` shell command and by systemd's
 * ExecStartPre=/ExecStart=/ExecReload= for nginx.service. Everything nginx
 * says goes to stderr; only -T dumps the files to stdout.
 */

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

const HELP = `nginx version: nginx/1.22.1
Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]
             [-e filename] [-c filename] [-g directives]

Options:
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and configure options then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -s signal     : send signal to a master process: stop, quit, reopen, reload
  -p prefix     : set prefix path (default: /usr/share/nginx/)
  -e filename   : set error log file (default: /var/log/nginx/error.log)
  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)
  -g directives : set global directives out of configuration file

`;

const SIGNALS: Record<string, number> = { stop: 15, quit: 3, reopen: 10, reload: 1 };

interface Opts {
  test: boolean;
  dump: boolean;
  quiet: boolean;
  version: boolean;
  configure: boolean;
  help: boolean;
  signal: string | null;
  conf: string;
}

function parseArgs(argv: string[]): Opts | string {
  const o: Opts = { test: false, dump: false, quiet: false, version: false, configure: false, help: false, signal: null, conf: NGINX_CONF };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (!a.startsWith("-")) return `invalid option: "${a}"`;
    for (let j = 1; j < a.length; j++) {
      const ch = a[j] ?? "";
      if (ch === "?" || ch === "h") o.help = true;
      else if (ch === "v") o.version = true;
      else if (ch === "V") o.configure = true;
      else if (ch === "t") o.test = true;
      else if (ch === "T") {
        o.test = true;
        o.dump = true;
      } else if (ch === "q") o.quiet = true;
      else if (ch === "s" || ch === "p" || ch === "e" || ch === "c" || ch === "g") {
        const rest = a.slice(j + 1);
        const value = rest !== "" ? rest : argv[++i];
        if (value === undefined) return `option "-${ch}" requires ${ch === "s" ? "signal name" : ch === "g" ? "parameter" : ch === "p" ? "directory name" : "file name"}`;
        if (ch === "s") {
          if (!(value in SIGNALS)) return `invalid option: "-s ${value}"`;
          o.signal = value;
        } else if (ch === "c") o.conf = value.startsWith("/") ? value : `/usr/share/nginx/${value}`;
        break;
      } else return `invalid option: "${a.slice(j)}"`;
    }
  }
  return o;
}

function readPid(host: Host, path: string): { pid: number } | { error: string } {
  try {
    const { inode } = fs.resolve(host.state, fs.ROOT, path);
    if (inode.kind !== "file") return { error: `open() "${path}" failed (21: Is a directory)` };
    const text = fs.readFileRange(inode, 0, 64).replace(/\n$/, "");
    return /^\d+$/.test(text) ? { pid: Number(text) } : { error: `invalid PID number "${text}" in "${path}"` };
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { error: `open() "${path}" failed (2: No such file or directory)` };
  }
}

/** Run nginx with `argv` as `cred`; `pid` is the process it runs as (the pid in error.log lines). */
export function runNginx(host: Host, cred: Cred, argv: string[], pid: number, unit?: string): CliResult {
  const opts = parseArgs(argv);
  if (typeof opts === "string") return { stdout: "", stderr: `nginx: ${opts}\n`, code: 1 };
  if (opts.help) return { stdout: "", stderr: HELP, code: 0 };
  if (opts.configure) return { stdout: "", stderr: NGINX_V, code: 0 };
  if (opts.version) return { stdout: "", stderr: "nginx version: nginx/1.22.1\n", code: 0 };
  const con = newConsole(host, cred, pid);
  const done = (code: number, stdout = ""): CliResult => ({ stdout, stderr: con.lines.map((l) => `${l}\n`).join(""), code });
  if (opts.test) {
    const loaded = loadChecked(host, cred, con, true, opts.conf);
    if (!loaded) {
      con.lines.push(`nginx: configuration file ${opts.conf} test failed`);
      return done(1);
    }
    if (!opts.quiet) con.lines.push(`nginx: the configuration file ${opts.conf} syntax is ok`);
    // -t also creates the pid file's directory entry check: root only.
    if (cred.uid !== 0) {
      report(host, con, "emerg", `open() "${loaded.conf.pid}" failed (13: Permission denied)`);
      con.lines.push(`nginx: configuration file ${opts.conf} test failed`);
      return done(1);
    }
    if (!opts.quiet) con.lines.push(`nginx: configuration file ${opts.conf} test is successful`);
    const dump = opts.dump ? loaded.files.map((f) => `# configuration file ${f.path}:\n${f.text}\n`).join("") : "";
    return done(0, dump);
  }
  if (opts.signal) {
    const loaded = loadChecked(host, cred, con, true, opts.conf);
    if (!loaded) return done(1);
    // The log is still stderr (at notice level): the signaller announces itself, as on Debian 12.
    report(host, con, "notice", "signal process started");
    const got = readPid(host, loaded.conf.pid);
    if ("error" in got) {
      report(host, con, "error", got.error);
      return done(1);
    }
    const sig = SIGNALS[opts.signal] ?? 1;
    try {
      host.signal(got.pid, sig, cred);
    } catch (e) {
      if (!isSysError(e)) throw e;
      const errno = e.code === "ESRCH" ? "3: No such process" : "1: Operation not permitted";
      report(host, con, "alert", `kill(${got.pid}, ${sig}) failed (${errno})`);
      return done(1);
    }
    return done(0);
  }
  return done(startDaemon(host, con, { cred, argv, ...(unit ? { unit } : {}) }));
}
