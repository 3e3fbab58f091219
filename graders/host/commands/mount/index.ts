import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import type { Host } from "../../state/host.ts";
import type { Mount } from "../../state/types.ts";
import { findMount, isMounted, kernelOptions, mergeOptions, mountAgain, mountForSpec, mountTable } from "../../state/mounts.ts";
import type { HostCommand } from "../types.ts";
import { fstab, fstabEntry } from "./fstab.ts";

/**
 * mount (util-linux 2.38.1) over the model's mount table: list it, remount
 * with new options, mount an fstab entry or a device again after umount.
 * Messages and exit codes (32 = mount failure) are util-linux's.
 */

const DMESG = "       dmesg(1) may have more information after failed mount system call.\n";
const fail = (msg: string, code = 32) => ({ stdout: "", stderr: msg, exitCode: code });

function dev(m: Mount): string {
  return m.source.replace(/^\/dev\//, "");
}

/** ext4's kernel messages for a mount that worked. */
function logMounted(host: Host, m: Mount): void {
  if (m.fstype !== "ext4") return;
  if (m.fsErrors) host.log({ ident: "kernel", pid: null, unit: null, priority: 4, message: `EXT4-fs (${dev(m)}): warning: mounting fs with errors, running e2fsck is recommended` });
  host.log({ ident: "kernel", pid: null, unit: null, priority: 6, message: `EXT4-fs (${dev(m)}): mounted filesystem with ordered data mode. Quota mode: none.` });
}

export const mount: HostCommand = {
  name: "mount",
  async run(args, ctx, rt) {
    const state = rt.host.state;
    const opts: string[] = [];
    let types: string | null = null;
    let all = false;
    let labels = false;
    const operands: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "-o" || a === "--options") opts.push(...(args[++i] ?? "").split(","));
      else if (a.startsWith("-o") && a.length > 2) opts.push(...a.slice(2).split(","));
      else if (a.startsWith("--options=")) opts.push(...a.slice(10).split(","));
      else if (a === "-t" || a === "--types") types = args[++i] ?? "";
      else if (a === "-a" || a === "--all") all = true;
      else if (a === "-l" || a === "--show-labels") labels = true;
      else if (a === "-v" || a === "--verbose") continue;
      else if (a === "-r" || a === "--read-only") opts.push("ro");
      else if (a === "-w" || a === "--rw" || a === "--read-write") opts.push("rw");
      else if (a === "-V" || a === "--version") return { stdout: "mount from util-linux 2.38.1 (libmount 2.38.1: selinux, smack, btrfs, verity, namespaces, assert, debug)\n", stderr: "", exitCode: 0 };
      else if (a.startsWith("-")) return fail(`mount: invalid option -- '${a.replace(/^-+/, "").charAt(0)}'\nTry 'mount --help' for more information.\n`, 1);
      else operands.push(a);
    }
    if (operands.length === 0 && !all) {
      const rows = mountTable(state).filter((r) => types === null || types.split(",").includes(r.fstype));
      const label = (r: { source: string; target: string }): string => {
        const m = labels ? state.fs.mounts.find((x) => x.source === r.source && x.target === r.target) : undefined;
        return m?.label ? ` [${m.label}]` : "";
      };
      return { stdout: rows.map((r) => `${r.source} on ${r.target} type ${r.fstype} (${r.options})${label(r)}\n`).join(""), stderr: "", exitCode: 0 };
    }
    const root = rt.cred.uid === 0;
    if (all) {
      if (!root) return { stdout: "", stderr: "", exitCode: 0 };
      for (const e of fstab(state)) {
        if (e.options.includes("noauto") || e.vfstype === "swap") continue;
        const m = mountForSpec(state, e.spec, e.file);
        if (!m || isMounted(m)) continue;
        mountAgain(state, m, kernelOptions(e.options));
        logMounted(rt.host, m);
      }
      return { stdout: "", stderr: "", exitCode: 0 };
    }
    const remount = opts.includes("remount");
    const first = operands[0] as string;
    const shown = operands.length > 1 ? (operands[1] as string) : first;
    if (remount) {
      const abs = first.startsWith("/") ? joinPath(ctx.cwd, first) : first;
      if (!root) return fail(`mount: ${abs}: must be superuser to use mount.\n${DMESG}`);
      const m = findMount(state, abs);
      if (!m || !isMounted(m)) {
        if (!fs.tryResolve(state, rt.cred, abs)) return fail(`mount: ${abs}: mount point does not exist.\n${DMESG}`);
        return fail(`mount: ${abs}: mount point not mounted or bad option.\n${DMESG}`);
      }
      const next = mergeOptions(m.options, opts);
      const toRw = fs.isReadOnly(m) && !next.split(",").includes("ro");
      // ext4 keeps an aborted journal read-only until it is replayed by a fresh mount.
      if (toRw && m.fsErrors?.journalAborted) return fail(`mount: ${m.target}: cannot remount ${m.source} read-write, is write-protected.\n${DMESG}`);
      m.options = next;
      if (m.fstype === "ext4") rt.host.log({ ident: "kernel", pid: null, unit: null, priority: 6, message: `EXT4-fs (${dev(m)}): re-mounted. Quota mode: none.` });
      return { stdout: "", stderr: "", exitCode: 0 };
    }
    // mount DIR or mount DEV: look it up in fstab; mount DEV DIR: both given.
    let m: Mount | undefined;
    let target: string;
    let options: string[];
    if (operands.length === 1) {
      const abs = first.startsWith("/") ? joinPath(ctx.cwd, first) : first;
      const entry = fstabEntry(state, abs);
      if (!entry) return fail(`mount: ${abs}: can't find in /etc/fstab.\n`, 1);
      if (!root && !entry.options.includes("user") && !entry.options.includes("users")) return fail(`mount: ${abs}: must be superuser to use mount.\n${DMESG}`);
      m = mountForSpec(state, entry.spec, entry.file);
      target = entry.file;
      options = [...entry.options, ...opts];
    } else {
      if (!root) return fail(`mount: ${joinPath(ctx.cwd, shown)}: must be superuser to use mount.\n${DMESG}`);
      m = mountForSpec(state, first);
      target = joinPath(ctx.cwd, shown);
      options = opts;
      if (!m) return fail(`mount: ${target}: special device ${first} does not exist.\n${DMESG}`);
    }
    if (!m) return fail(`mount: ${target}: special device ${first} does not exist.\n${DMESG}`);
    if (isMounted(m)) return fail(`mount: ${target}: ${m.source} already mounted on ${m.target}.\n${DMESG}`);
    const dir = fs.tryResolve(state, fs.ROOT, target);
    if (!dir) return fail(`mount: ${target}: mount point does not exist.\n${DMESG}`);
    if (dir.inode.kind !== "dir") return fail(`mount: ${target}: mount point is not a directory.\n${DMESG}`);
    m.target = dir.path;
    mountAgain(state, m, kernelOptions(options));
    logMounted(rt.host, m);
    return { stdout: "", stderr: "", exitCode: 0 };
  },
};
