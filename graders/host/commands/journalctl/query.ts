import type { HostState, JournalEntry } from "../../state/types.ts";
import type { JournalQuery } from "../../shell/follow/types.ts";

/**
 * Whether a journal entry is selected by journalctl's matches (-u, -t, -k,
 * -p) and readable by the caller: users outside adm/systemd-journal see only
 * entries of their own processes. Shared by the one-shot listing and -f.
 */
export function selects(state: HostState, q: JournalQuery, e: JournalEntry): boolean {
  if (q.units.length && !q.units.includes(e.unit ?? "")) return false;
  if (q.idents.length && !q.idents.includes(e.ident)) return false;
  if (q.kernel && e.ident !== "kernel") return false;
  if (e.priority > q.maxPrio) return false;
  return q.privileged || (e.pid !== null && state.procs[e.pid]?.uid === q.uid);
}
