import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import type { HostCommand } from "../types.ts";
import { copyTree, type Out } from "./copy.ts";
import { planTargets } from "./targets.ts";

/** GNU cp (coreutils 9.1): files, -r/-R/-a trees, -p/-a preserve, -v, -t DIR, -T. */

const TRY = "Try 'cp --help' for more information.\n";

export const cp: HostCommand = {
  name: "cp",
  async run(args, ctx, rt) {
    let recursive = false;
    let preserve = false;
    let verbose = false;
    let noTargetDir = false;
    let targetDir: string | null = null;
    const operands: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === "--") {
        operands.push(...args.slice(i + 1));
        break;
      }
      if (a === "--recursive") recursive = true;
      else if (a === "--archive") recursive = preserve = true;
      else if (a === "--preserve" || a.startsWith("--preserve=")) preserve = true;
      else if (a === "--verbose") verbose = true;
      else if (a === "--force" || a === "--no-dereference" || a === "--dereference") continue;
      else if (a === "--no-target-directory") noTargetDir = true;
      else if (a.startsWith("--target-directory=")) targetDir = a.slice(19);
      else if (a.startsWith("--")) return { stdout: "", stderr: `cp: unrecognized option '${a}'\n${TRY}`, exitCode: 1 };
      else if (a.startsWith("-") && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j] as string;
          if (c === "r" || c === "R") recursive = true;
          else if (c === "a") recursive = preserve = true;
          else if (c === "p") preserve = true;
          else if (c === "v") verbose = true;
          else if (c === "T") noTargetDir = true;
          else if (c === "f" || c === "P" || c === "L" || c === "d" || c === "i" || c === "n") continue;
          else if (c === "t") {
            targetDir = a.slice(j + 1) || (args[++i] ?? "");
            break;
          } else return { stdout: "", stderr: `cp: invalid option -- '${c}'\n${TRY}`, exitCode: 1 };
        }
      } else operands.push(a);
    }
    const plan = planTargets("cp", operands, targetDir, noTargetDir, rt, ctx.cwd);
    if (!("sources" in plan)) return plan;
    const { sources } = plan;
    const state = rt.host.state;
    const abs = (p: string): string => joinPath(ctx.cwd, p);
    const out: Out = { stdout: "", stderr: "" };
    let ok = true;
    for (const src of sources) {
      const dstShown = plan.shown(src);
      const found = fs.tryResolve(state, rt.cred, abs(src));
      if (found?.inode.kind === "dir" && !recursive) {
        out.stderr += `cp: -r not specified; omitting directory '${src}'\n`;
        ok = false;
        continue;
      }
      if (!copyTree(rt, abs(src), src, abs(dstShown), dstShown, { preserve, verbose, tool: "cp", verboseWord: "" }, out)) ok = false;
    }
    return { stdout: out.stdout, stderr: out.stderr, exitCode: ok ? 0 : 1 };
  },
};
