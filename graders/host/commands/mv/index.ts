import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import type { Runtime } from "../../shell/runtime.ts";
import type { HostCommand } from "../types.ts";
import { copyTree, type Out } from "../cp/copy.ts";
import { planTargets } from "../cp/targets.ts";

/**
 * GNU mv (coreutils 9.1): rename(2) within a filesystem; across filesystems
 * (EXDEV) it copies, preserving owner, mode and times, then removes the
 * source, as "copied … / removed …" with -v shows.
 */

const TRY = "Try 'mv --help' for more information.\n";

/** rm -r of the source after a cross-filesystem copy. */
function removeTree(rt: Runtime, abs: string, shown: string, verbose: boolean, out: Out): boolean {
  const state = rt.host.state;
  try {
    const found = fs.resolve(state, rt.cred, abs, false);
    if (found.inode.kind === "dir") {
      let ok = true;
      for (const e of fs.readdir(state, rt.cred, abs)) if (!removeTree(rt, `${abs}/${e.name}`, `${shown}/${e.name}`, verbose, out)) ok = false;
      if (!ok) return false;
      fs.rmdir(state, rt.cred, abs);
      if (verbose) out.stdout += `removed directory '${shown}'\n`;
    } else {
      fs.unlink(state, rt.cred, abs);
      if (verbose) out.stdout += `removed '${shown}'\n`;
    }
    return true;
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    out.stderr += `mv: cannot remove '${shown}': ${e.text}\n`;
    return false;
  }
}

export const mv: HostCommand = {
  name: "mv",
  async run(args, ctx, rt) {
    let verbose = false;
    let noClobber = false;
    let noTargetDir = false;
    let targetDir: string | null = null;
    const operands: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "--") {
        operands.push(...args.slice(i + 1));
        break;
      }
      if (a === "--verbose") verbose = true;
      else if (a === "--no-clobber") noClobber = true;
      else if (a === "--force") noClobber = false;
      else if (a === "--no-target-directory") noTargetDir = true;
      else if (a.startsWith("--target-directory=")) targetDir = a.slice(19);
      else if (a.startsWith("--")) return { stdout: "", stderr: `mv: unrecognized option '${a}'\n${TRY}`, exitCode: 1 };
      else if (a.startsWith("-") && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j] as string;
          if (c === "v") verbose = true;
          else if (c === "n") noClobber = true;
          else if (c === "f" || c === "i") noClobber = false;
          else if (c === "T") noTargetDir = true;
          else if (c === "t") {
            targetDir = a.slice(j + 1) || (args[++i] ?? "");
            break;
          } else return { stdout: "", stderr: `mv: invalid option -- '${c}'\n${TRY}`, exitCode: 1 };
        }
      } else operands.push(a);
    }
    const plan = planTargets("mv", operands, targetDir, noTargetDir, rt, ctx.cwd);
    if (!("sources" in plan)) return plan;
    const { sources } = plan;
    const state = rt.host.state;
    const abs = (p: string): string => joinPath(ctx.cwd, p);
    const out: Out = { stdout: "", stderr: "" };
    let ok = true;
    for (const src of sources) {
      const dstShown = plan.shown(src);
      const from = abs(src);
      const to = abs(dstShown);
      if (!fs.tryResolve(state, rt.cred, from, false)) {
        try {
          fs.resolve(state, rt.cred, from, false);
        } catch (e) {
          if (!(e instanceof SysError)) throw e;
          out.stderr += `mv: cannot stat '${src}': ${e.text}\n`;
          ok = false;
          continue;
        }
      }
      if (noClobber && fs.tryResolve(state, rt.cred, to, false)) continue;
      try {
        fs.rename(state, rt.cred, from, to);
        if (verbose) out.stdout += `renamed '${src}' -> '${dstShown}'\n`;
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        if (e.code !== "EXDEV") {
          out.stderr += `mv: cannot move '${src}' to '${dstShown}': ${e.text}\n`;
          ok = false;
          continue;
        }
        const copied = copyTree(rt, from, src, to, dstShown, { preserve: true, verbose, tool: "mv", verboseWord: "copied " }, out);
        if (!copied || !removeTree(rt, from, src, verbose, out)) ok = false;
      }
    }
    return { stdout: out.stdout, stderr: out.stderr, exitCode: ok ? 0 : 1 };
  },
};
