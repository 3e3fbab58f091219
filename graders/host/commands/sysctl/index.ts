import * as fs from "../../state/fs.ts";
import type { Host } from "../../state/host.ts";
import type { Runtime } from "../../shell/runtime.ts";
import type { HostCommand } from "../types.ts";

/**
 * sysctl (procps-ng 4.0.2) for the kernel parameters this host models:
 * read them, set them with -w (root), load files with -p and --system the
 * way systemd-sysctl does at boot. Values live in HostState.sysctl; the
 * files under /etc/sysctl.d only matter when something applies them.
 */

/** Debian 12 cloud-kernel defaults for the parameters scenarios touch. */
export const SYSCTL_DEFAULTS: Record<string, string> = {
  "net.ipv4.ip_unprivileged_port_start": "1024",
  "net.ipv4.ip_forward": "0",
  "net.ipv4.ip_local_port_range": "32768\t60999",
  "net.core.somaxconn": "4096",
  "vm.swappiness": "60",
  "vm.overcommit_memory": "0",
  "fs.file-max": "9223372036854775807",
  "kernel.pid_max": "4194304",
};

export function sysctlValue(host: Host, key: string): string | undefined {
  return host.state.sysctl?.[key] ?? SYSCTL_DEFAULTS[key];
}

const norm = (key: string): string => key.replace(/\//g, ".");
const procPath = (key: string): string => `/proc/sys/${norm(key).replace(/\./g, "/")}`;

function set(rt: Runtime, key: string, value: string): string | null {
  const k = norm(key);
  if (SYSCTL_DEFAULTS[k] === undefined) return `sysctl: cannot stat ${procPath(k)}: No such file or directory\n`;
  if (rt.cred.uid !== 0) return `sysctl: permission denied on key "${k}"\n`;
  rt.host.state.sysctl = { ...(rt.host.state.sysctl ?? {}), [k]: value.trim().replace(/\s+/g, "\t") };
  return null;
}

/** Assignments of one sysctl.conf-format file, in order. */
function assignments(text: string): [string, string][] {
  return text.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#") && !l.startsWith(";"))
    .map((l): [string, string] => {
      const i = l.indexOf("=");
      return i < 0 ? [l.replace(/^-/, ""), ""] : [l.slice(0, i).trim().replace(/^-/, ""), l.slice(i + 1).trim()];
    });
}

function apply(rt: Runtime, text: string, quiet: boolean): { out: string; err: string } {
  let out = "";
  let err = "";
  for (const [k, v] of assignments(text)) {
    const e = set(rt, k, v);
    if (e) err += e;
    else if (!quiet) out += `${norm(k)} = ${v}\n`;
  }
  return { out, err };
}

function read(host: Host, path: string): string | null {
  const found = fs.tryResolve(host.state, fs.ROOT, path);
  return found?.inode.kind === "file" ? fs.readFileRange(found.inode, 0, 1_000_000) : null;
}

/** --system: /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d, /usr/lib/sysctl.d, /lib/sysctl.d by file name, then /etc/sysctl.conf. */
function systemFiles(host: Host): string[] {
  const byName = new Map<string, string>();
  for (const dir of ["/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d"]) {
    const found = fs.tryResolve(host.state, fs.ROOT, dir);
    if (found?.inode.kind !== "dir") continue;
    for (const name of Object.keys(found.inode.entries).filter((n) => n.endsWith(".conf"))) if (!byName.has(name)) byName.set(name, `${dir}/${name}`);
  }
  const files = [...byName.keys()].sort().map((n) => byName.get(n) as string);
  if (read(host, "/etc/sysctl.conf") !== null) files.push("/etc/sysctl.conf");
  return files;
}

export const sysctl: HostCommand = {
  name: "sysctl",
  async run(args, _ctx, rt) {
    let quietValues = false;
    let write = false;
    let out = "";
    let err = "";
    for (let i = 0; i < args.length; i++) {
      const a = args[i] ?? "";
      if (a === "-n" || a === "--values") quietValues = true;
      else if (a === "-w" || a === "--write") write = true;
      else if (a === "--system") {
        for (const file of systemFiles(rt.host)) {
          out += `* Applying ${file} ...\n`;
          const r = apply(rt, read(rt.host, file) ?? "", false);
          out += r.out;
          err += r.err;
        }
      } else if (a === "-p" || a.startsWith("--load")) {
        const next = args[i + 1];
        const file = next && !next.startsWith("-") ? (i++, next) : "/etc/sysctl.conf";
        const text = read(rt.host, file);
        if (text === null) return { stdout: out, stderr: `sysctl: cannot open "${file}": No such file or directory\n`, exitCode: 255 };
        const r = apply(rt, text, false);
        out += r.out;
        err += r.err;
      } else if (a === "-a" || a === "--all") {
        err += "sysctl: -a is not modelled on this simulated host; ask for parameters by name\n";
      } else if (a.startsWith("-")) {
        return { stdout: "", stderr: `sysctl: invalid option -- '${a.replace(/^-+/, "").charAt(0)}'\n`, exitCode: 255 };
      } else if (write || a.includes("=")) {
        const [k, ...v] = a.split("=");
        const e = set(rt, k ?? "", v.join("="));
        if (e) err += e;
        else out += quietValues ? `${v.join("=")}\n` : `${norm(k ?? "")} = ${v.join("=")}\n`;
      } else {
        const value = sysctlValue(rt.host, norm(a));
        if (value === undefined) err += `sysctl: cannot stat ${procPath(a)}: No such file or directory\n`;
        else out += quietValues ? `${value}\n` : `${norm(a)} = ${value}\n`;
      }
    }
    return { stdout: out, stderr: err, exitCode: err ? 255 : 0 };
  },
};
