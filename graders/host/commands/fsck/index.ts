import type { Runtime } from "../../shell/runtime.ts";
import type { Mount } from "../../state/types.ts";
import { isMounted, mountForSpec } from "../../state/mounts.ts";
import { mountUsage } from "../../state/usage.ts";
import { fstabEntry } from "../mount/fstab.ts";
import type { HostCommand } from "../types.ts";
import { helpText } from "../help/index.ts";

/**
 * e2fsck 1.47.0 and the fsck (util-linux 2.38.1) front end over a model
 * ext4 filesystem. The filesystem's recorded errors (Mount.fsErrors) are the
 * problems e2fsck finds; -y repairs them, -n only reports, -p refuses what
 * preen mode may not fix. A mounted filesystem is refused, as e2fsck does.
 *
 * Model limit: the shell cannot answer e2fsck's interactive questions, so a
 * check that finds problems without -y/-n/-p ends as it does without a
 * terminal ("need terminal for interactive repairs").
 */

const VERSION = "e2fsck 1.47.0 (5-Feb-2023)\n";

interface Mode {
  yes: boolean;
  no: boolean;
  preen: boolean;
  force: boolean;
}

/** A recorded problem: "pass\tmessage\tprompt"; the message carries its own trailing "  " or newline, as in e2fsck's problem table. */
function parseProblem(p: string): { pass: number; message: string; prompt: string } {
  const [pass, message, prompt] = p.split("\t");
  return { pass: Number(pass), message: message ?? "", prompt: prompt ?? "" };
}

function counts(rt: Runtime, m: Mount): { files: string; blocks: string } {
  const usage = mountUsage(rt.host.state.fs, m);
  // ext4 metadata (inode tables, journal, bitmaps) counts as used blocks for e2fsck.
  const overhead = Math.round(m.totalInodes / 16) + 32_768;
  return { files: `${usage.usedInodes}/${m.totalInodes}`, blocks: `${usage.usedBlocks + overhead}/${m.totalBlocks}` };
}

function e2fsck(rt: Runtime, device: string, mode: Mode): { stdout: string; stderr: string; exitCode: number } {
  const m = mountForSpec(rt.host.state, device);
  if (rt.cred.uid !== 0) {
    return { stdout: VERSION, stderr: `e2fsck: Permission denied while trying to open ${device}\nYou must have r/w access to the filesystem or be root\n`, exitCode: 8 };
  }
  if (!m || !m.source.startsWith("/dev/")) {
    return { stdout: VERSION, stderr: `e2fsck: No such file or directory while trying to open ${device}\nPossibly non-existent device?\n`, exitCode: 8 };
  }
  if (m.fstype !== "ext4") {
    const advice = "\nThe superblock could not be read or does not describe a valid ext2/ext3/ext4\nfilesystem.  If the device is valid and it really contains an ext2/ext3/ext4\nfilesystem (and not swap or ufs or something else), then the superblock\nis corrupt, and you might try running e2fsck with an alternate superblock:\n    e2fsck -b 8193 <device>\n or\n    e2fsck -b 32768 <device>\n\n";
    return {
      stdout: `${VERSION}${advice}${m.source} contains a ${m.fstype} file system\n`,
      stderr: `ext2fs_open2: Bad magic number in super-block\ne2fsck: Superblock invalid, trying backup blocks....\ne2fsck: Bad magic number in super-block while trying to open ${m.source}\n`,
      exitCode: 8,
    };
  }
  let out = VERSION;
  if (isMounted(m) || m.target === "/") {
    if (!mode.no) return { stdout: out, stderr: `${m.source} is mounted.\ne2fsck: Cannot continue, aborting.\n\n\n`, exitCode: 8 };
    out += `Warning!  ${m.source} is mounted.\n`;
  }
  const name = m.label ?? m.source;
  const problems = (m.fsErrors?.problems ?? []).map(parseProblem);
  const { files, blocks } = counts(rt, m);
  if (!m.fsErrors && !mode.force) return { stdout: `${out}${name}: clean, ${files} files, ${blocks} blocks\n`, stderr: "", exitCode: 0 };
  if (m.fsErrors) out += `${name} contains a file system with errors, check forced.\n`;
  if (mode.preen && problems.length > 0) {
    const first = problems[0] as { message: string };
    out += `${name}: ${first.message}\n\n${name}: UNEXPECTED INCONSISTENCY; RUN fsck MANUALLY.\n\t(i.e., without -a or -p options)\n`;
    return { stdout: out, stderr: "", exitCode: 4 };
  }
  if (!mode.yes && !mode.no && problems.length > 0) {
    return { stdout: out, stderr: "e2fsck: need terminal for interactive repairs\n", exitCode: 8 };
  }
  const answer = mode.yes ? "yes" : "no";
  const passes = ["Checking inodes, blocks, and sizes", "Checking directory structure", "Checking directory connectivity", "Checking reference counts", "Checking group summary information"];
  passes.forEach((title, i) => {
    out += `Pass ${i + 1}: ${title}\n`;
    for (const p of problems.filter((x) => x.pass === i + 1)) out += `${p.message}${p.prompt}? ${answer}\n\n`;
  });
  const noncontig = `${(m.dev % 7) / 10 + 0.2}`.slice(0, 3);
  if (mode.yes && problems.length > 0) {
    delete m.fsErrors;
    out += `\n${name}: ***** FILE SYSTEM WAS MODIFIED *****\n${name}: ${files} files (${noncontig}% non-contiguous), ${blocks} blocks\n`;
    return { stdout: out, stderr: "", exitCode: 1 };
  }
  if (problems.length > 0) {
    out += `\n${name}: ********** WARNING: Filesystem still has errors **********\n\n${name}: ${files} files (${noncontig}% non-contiguous), ${blocks} blocks\n`;
    return { stdout: out, stderr: "", exitCode: 4 };
  }
  if (m.fsErrors) delete m.fsErrors;
  out += `${name}: ${files} files (${noncontig}% non-contiguous), ${blocks} blocks\n`;
  return { stdout: out, stderr: "", exitCode: 0 };
}

function parseArgs(cmd: string, args: string[]): { mode: Mode; devices: string[] } | { error: string } {
  const mode: Mode = { yes: false, no: false, preen: false, force: false };
  const devices: string[] = [];
  for (const a of args) {
    if (!a.startsWith("-") || a === "-") {
      devices.push(a);
      continue;
    }
    if (a === "-C0" || a === "--") continue;
    for (const c of a.slice(1)) {
      if (c === "y") mode.yes = true;
      else if (c === "n") mode.no = true;
      else if (c === "p" || c === "a") mode.preen = true;
      else if (c === "f") mode.force = true;
      else if (c === "v" || c === "V" || c === "C" || c === "0" || c === "t" || c === "T" || c === "A" || c === "R" || c === "M") continue;
      else return { error: `${cmd}: invalid option -- '${c}'\n` };
    }
  }
  if ([mode.yes, mode.no, mode.preen].filter(Boolean).length > 1) return { error: "e2fsck: Only one of the options -p/-a, -n or -y may be specified.\n" };
  return { mode, devices };
}

export const e2fsckCommand: HostCommand = {
  name: "e2fsck",
  async run(args, _ctx, rt) {
    const parsed = parseArgs("e2fsck", args);
    if ("error" in parsed) return { stdout: "", stderr: parsed.error, exitCode: 16 };
    const device = parsed.devices[0];
    if (device === undefined) {
      return { stdout: "", stderr: "Usage: e2fsck [-panyrcdfktvDFV] [-b superblock] [-B blocksize]\n\t\t[-l|-L bad_blocks_file] [-C fd] [-j external_journal]\n\t\t[-E extended-options] [-z undo_file] device\n", exitCode: 16 };
    }
    return e2fsck(rt, device, parsed.mode);
  },
};

export const fsckCommand: HostCommand = {
  name: "fsck",
  async run(args, _ctx, rt) {
    // sudo runs /usr/sbin tools directly, past the registry's --help hook.
    const help = helpText("fsck", args);
    if (help !== null) return { ...help };
    const parsed = parseArgs("fsck", args);
    if ("error" in parsed) return { stdout: "", stderr: parsed.error, exitCode: 16 };
    let out = "fsck from util-linux 2.38.1\n";
    let stderr = "";
    let exitCode = 0;
    for (const arg of parsed.devices) {
      // fsck accepts a mountpoint or fstab source and checks the device behind it.
      const entry = fstabEntry(rt.host.state, arg);
      const device = entry ? (mountForSpec(rt.host.state, entry.spec, entry.file)?.source ?? entry.spec) : arg;
      const r = e2fsck(rt, device, parsed.mode);
      out += r.stdout;
      stderr += r.stderr;
      exitCode |= r.exitCode;
    }
    return { stdout: out, stderr, exitCode };
  },
};

/** /usr/sbin/fsck.ext4 is a symlink to e2fsck. */
export const fsckExt4Command: HostCommand = { name: "fsck.ext4", run: (args, ctx, rt) => e2fsckCommand.run(args, ctx, rt) };
