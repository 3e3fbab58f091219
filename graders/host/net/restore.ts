import type { FirewallState } from "./types.ts";
import { emptyChain } from "./firewall.ts";
import { parseArgs, IptError } from "../commands/iptables/parse.ts";

/**
 * iptables-restore's reading of a saved rule set (/etc/iptables/rules.v4):
 * the *filter section's chain lines and -A rules. Returns null when the file
 * would not load (iptables-restore rejects the whole file on one bad line).
 */
export function parseRulesFile(text: string): FirewallState | null {
  const r = parseRulesFileAt(text);
  return "fw" in r ? r.fw : null;
}

/** As parseRulesFile, but says which line (1-based) made the load fail, for iptables-restore's error. */
export function parseRulesFileAt(text: string): { fw: FirewallState } | { line: number } {
  const fw: FirewallState = { filter: {} };
  let table: string | null = null;
  let lineNo = 0;
  for (const raw of text.split("\n")) {
    lineNo++;
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    if (line.startsWith("*")) {
      table = line.slice(1);
      continue;
    }
    // A rule or chain line outside any *table section is an error, as in iptables-restore.
    if (table === null) return { line: lineNo };
    if (table !== "filter") continue;
    if (line === "COMMIT") {
      table = null;
      continue;
    }
    const chainLine = /^:(\S+)\s+(\S+)/.exec(line);
    if (chainLine) {
      const [, name = "", policy] = chainLine;
      fw.filter[name] = policy === "ACCEPT" || policy === "DROP" ? emptyChain(policy) : emptyChain();
      continue;
    }
    const args = line.replace(/^\[\d+:\d+\]\s+/, "").match(/"[^"]*"|\S+/g)?.map((a) => a.replace(/^"(.*)"$/, "$1")) ?? [];
    try {
      const p = parseArgs(args);
      const chain = p.chain !== undefined ? fw.filter[p.chain] : undefined;
      if (p.command !== "A" || !chain) return { line: lineNo };
      const { target, ...rest } = p.rule;
      chain.rules.push({ ...rest, target: target ?? "", pkts: 0, bytes: 0 });
    } catch (e) {
      if (e instanceof IptError) return { line: lineNo };
      throw e;
    }
  }
  for (const c of ["INPUT", "FORWARD", "OUTPUT"]) fw.filter[c] ??= emptyChain("ACCEPT");
  return { fw };
}
