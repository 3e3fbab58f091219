import type { ExecResult } from "just-bash";
import { SysError } from "../../state/errors.ts";
import * as fs from "../../state/fs.ts";
import { joinPath } from "../../state/paths.ts";
import type { Runtime } from "../../shell/runtime.ts";
import type { HostCommand } from "../types.ts";

/**
 * just-bash's text tools (grep, wc, sort, ...) report every unreadable
 * operand as "No such file or directory". Run them, then ask the model why
 * each such path really failed and print that errno, in the tool's own
 * wording where GNU's differs from "TOOL: PATH: error".
 */

/** Why opening `abs` for reading fails, or null if it would not. */
function openError(rt: Runtime, abs: string): SysError | null {
  try {
    const { inode } = fs.resolve(rt.host.state, rt.cred, abs);
    if (inode.kind === "dir") return new SysError("EISDIR", abs);
    if (!fs.permits(inode, rt.cred, 4)) return new SysError("EACCES", abs);
    return null;
  } catch (e) {
    if (e instanceof SysError) return e;
    throw e;
  }
}

const FORMATS: Record<string, (path: string, text: string) => string> = {
  sort: (p, t) => `sort: cannot read: ${p}: ${t}`,
  sed: (p, t) => `sed: can't read ${p}: ${t}`,
  // mawk names itself after argv[0], which is "awk" through the alternatives link.
  awk: (p, t) => `awk: cannot open ${p} (${t})`,
};

export function fixStderr(rt: Runtime, cwd: string, tool: string, result: ExecResult): ExecResult {
  const fixed = result.stderr.replace(new RegExp(`^${tool}: (.+): No such file or directory$`, "gm"), (line, path: string) => {
    const err = openError(rt, joinPath(cwd, path));
    if (!err) return line;
    // grep and wc say "TOOL: PATH: error"; sort, sed and awk have their own wording.
    const format = FORMATS[tool];
    return format ? format(path, err.text) : `${tool}: ${path}: ${err.text}`;
  });
  return { ...result, stderr: fixed };
}

export const TEXT_TOOLS = ["grep", "egrep", "fgrep", "wc", "sort", "uniq", "cut", "sed", "awk", "md5sum", "sha1sum", "sha256sum", "tac", "nl", "paste", "od", "strings", "base64", "rev", "fold", "comm", "join"];

export function wrapTextTool(name: string): HostCommand {
  return {
    name,
    async run(args, ctx, rt) {
      if (!ctx.origCommand) throw new Error(`${name} needs just-bash's ${name} underneath`);
      return fixStderr(rt, ctx.cwd, name, await ctx.origCommand(args));
    },
  };
}
