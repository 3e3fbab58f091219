import { defineCommand, type Command } from "just-bash";
import { USR_BIN, USR_SBIN } from "../state/base/binaries.ts";

/**
 * A binary a Debian 12 server has but the simulation does not implement.
 * Without this, the shell would find the file on $PATH and run its (empty)
 * contents as a script, printing nonsense; "command not found" would be a lie
 * too, since `ls /usr/bin` shows it. So it says plainly that it is not
 * simulated, and the candidate can reach for another tool.
 */
export function unsimulatedCommands(known: ReadonlySet<string>): Command[] {
  const names = [...Object.keys(USR_BIN), ...Object.keys(USR_SBIN)].filter((n) => !known.has(n));
  return names.map((name) =>
    defineCommand(name, async () => ({ stdout: "", stderr: `${name}: not simulated on this practice host; try another tool\n`, exitCode: 1 })),
  );
}
