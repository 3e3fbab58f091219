import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import type { HostCommand } from "../types.ts";
import { describe } from "./describe.ts";

/**
 * file 5.44: one line per operand, names padded to a common width when
 * there are several, errors reported inline with exit status 0 as file does.
 * -b (brief), -L (follow symlinks), -h (do not; the default).
 */
export const file: HostCommand = {
  name: "file",
  async run(args, ctx, rt) {
    let brief = false;
    let follow = false;
    const operands: string[] = [];
    for (const a of args) {
      if (a === "--brief") brief = true;
      else if (a === "--dereference") follow = true;
      else if (/^-[bLhs]+$/.test(a)) {
        brief ||= a.includes("b");
        if (a.includes("L")) follow = true;
        if (a.includes("h")) follow = false;
      } else if (a.startsWith("-") && a !== "-") return { stdout: "", stderr: `file: invalid option -- '${a.slice(1, 2)}'\nUsage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]\n            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]\n            <file> ...\n       file -C [-m <magicfiles>]\n       file [--help]\n`, exitCode: 1 };
      else operands.push(a);
    }
    if (operands.length === 0) return { stdout: "", stderr: "Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]\n            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]\n            <file> ...\n       file -C [-m <magicfiles>]\n       file [--help]\n", exitCode: 1 };
    const width = Math.max(...operands.map((o) => o.length)) + 1;
    let out = "";
    for (const op of operands) {
      const abs = joinPath(ctx.cwd, op);
      let what: string;
      try {
        const found = fs.resolve(rt.host.state, rt.cred, abs, follow);
        const target = found.inode;
        if (target.kind === "symlink" && !fs.tryResolve(rt.host.state, rt.cred, abs, true)) what = `broken symbolic link to ${target.target}`;
        else what = describe(target, found.path, fs.permits(target, rt.cred, 4));
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        what = `cannot open \`${op}' (${e.text})`;
      }
      out += brief ? `${what}\n` : `${`${op}:`.padEnd(operands.length > 1 ? width : 0)}${operands.length > 1 ? " " : " "}${what}\n`;
    }
    return { stdout: out, stderr: "", exitCode: 0 };
  },
};
