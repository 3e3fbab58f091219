import { createFile, ROOT, tryResolve } from "../../state/fs.ts";
import type { HostState } from "../../state/types.ts";

/**
 * sysstat is not in Debian 12's cloud image; hosts that people troubleshoot
 * usually have it (`apt install sysstat`). Scenarios that want iostat call
 * this: the binary must exist on $PATH for the shell to find the command.
 */
export function installSysstat(state: HostState, mtimeMs: number): void {
  if (tryResolve(state, ROOT, "/usr/bin/iostat")) return;
  createFile(state, ROOT, "/usr/bin/iostat", "", { mode: 0o755, mtimeMs }).genBytes = 51_576;
}
