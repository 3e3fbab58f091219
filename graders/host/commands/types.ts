import type { ExecResult, ResolvedCommandContext } from "just-bash";
import type { Runtime } from "../shell/runtime.ts";

/** A command of the simulated host: gets the shell's context and the host runtime. */
export interface HostCommand {
  name: string;
  run(args: string[], ctx: ResolvedCommandContext, rt: Runtime): Promise<ExecResult>;
}

export const ok = (stdout: string): ExecResult => ({ stdout, stderr: "", exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ""): ExecResult => ({ stdout, stderr, exitCode });
