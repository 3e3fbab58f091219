import { shortLine } from "../../services/journal-format.ts";
import type { Host } from "../../state/host.ts";
import { selects } from "../../commands/journalctl/query.ts";
import type { JournalFollow } from "./types.ts";

/** One poll of `journalctl -f`: entries written since the cursor that the query selects. */
export function pollJournal(host: Host, spec: JournalFollow): string {
  const journal = host.state.journal;
  let out = "";
  let atCursor = 0;
  for (const e of journal) {
    if (e.tsMs < spec.cursorMs) continue;
    if (e.tsMs === spec.cursorMs && ++atCursor <= spec.seenAtCursor) continue;
    if (selects(host.state, spec.query, e)) out += spec.query.output === "cat" ? `${e.message}\n` : shortLine(host, e);
  }
  const newest = journal[journal.length - 1];
  if (newest && newest.tsMs >= spec.cursorMs) {
    spec.seenAtCursor = newest.tsMs === spec.cursorMs ? atCursor : journal.filter((e) => e.tsMs === newest.tsMs).length;
    spec.cursorMs = newest.tsMs;
  }
  return out;
}
