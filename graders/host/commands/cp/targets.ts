import type { ExecResult } from "just-bash";
import * as fs from "../../state/fs.ts";
import { basename, joinPath } from "../../state/paths.ts";
import type { Runtime } from "../../shell/runtime.ts";

/**
 * cp and mv read their operands the same way: SOURCE... DEST, or -t DIR
 * SOURCE..., or -T for "DEST is a file even if it is a directory". Their
 * usage errors differ only in the tool's name.
 */
export interface Targets {
  sources: string[];
  /** The destination each source lands at, as the tool prints it (DIR/name into a directory). */
  shown(src: string): string;
}

export function planTargets(tool: "cp" | "mv", operands: string[], targetDir: string | null, noTargetDir: boolean, rt: Runtime, cwd: string): Targets | ExecResult {
  const TRY = `Try '${tool} --help' for more information.\n`;
  if (operands.length === 0) return { stdout: "", stderr: `${tool}: missing file operand\n${TRY}`, exitCode: 1 };
  if (operands.length === 1 && targetDir === null) {
    return { stdout: "", stderr: `${tool}: missing destination file operand after '${operands[0]}'\n${TRY}`, exitCode: 1 };
  }
  const dest = targetDir ?? (operands[operands.length - 1] as string);
  const sources = targetDir !== null ? operands : operands.slice(0, -1);
  const found = fs.tryResolve(rt.host.state, rt.cred, joinPath(cwd, dest));
  const destIsDir = !noTargetDir && found?.inode.kind === "dir";
  if (!destIsDir && (sources.length > 1 || targetDir !== null)) {
    return { stdout: "", stderr: `${tool}: target '${dest}': ${found ? "Not a directory" : "No such file or directory"}\n`, exitCode: 1 };
  }
  return {
    sources,
    shown: (src) => (destIsDir ? (dest.endsWith("/") ? `${dest}${basename(src)}` : `${dest}/${basename(src)}`) : dest),
  };
}
