import type { Runtime } from "../runtime.ts";
import type { FollowSpec } from "./types.ts";

/**
 * Called by a command that would keep running (tail -f, journalctl -f, top,
 * vmstat N): registers what it follows and returns true when the line lets
 * it, i.e. the command is the first stage of the line's last pipeline (see
 * slot.ts). Otherwise it returns false and the command ends after its first
 * output, as it did before follows existed (`$(tail -f x)`, `a && tail -f x`).
 */
export function startFollow(rt: Runtime, name: string, spec: FollowSpec): boolean {
  if (rt.followSlot !== name || rt.pendingFollow) return false;
  rt.pendingFollow = spec;
  return true;
}
