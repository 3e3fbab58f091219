import type { ExecResult } from "just-bash";
import type { Host } from "../../state/host.ts";
import type { FirewallState, FwRule } from "../../net/types.ts";
import { BUILTIN_CHAINS, emptyChain, emptyFirewall, firewallOf } from "../../net/firewall.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import { IptError, parseArgs, sameRule, type Parsed } from "./parse.ts";
import { chainOrder, listChain, listRules, references, ruleLine, saveText, type ListFormat } from "./render.ts";

/**
 * iptables v1.8.9 (nf_tables) on the simulated filter table: -A -I -D -R -C
 * -L -S -F -Z -N -X -P with the real tool's messages and exit codes. The
 * rules live in HostState.net.firewall and decide what net/firewall.ts lets
 * through, so a fix here is what the load balancer's probe sees.
 */

const NOT_ROOT = "Could not fetch rule set generation id: Permission denied (you must be root)";
const HINT = "Try `iptables -h' or 'iptables --help' for more information.\n";
const NO_CHAIN = "iptables: No chain/target/match by that name.\n";
const OTHER_TABLES: Record<string, string[]> = {
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  raw: ["PREROUTING", "OUTPUT"],
  security: ["INPUT", "FORWARD", "OUTPUT"],
};

const isBuiltin = (chain: string): boolean => (BUILTIN_CHAINS as readonly string[]).includes(chain);

function newRule(p: Parsed): FwRule {
  const { target, ...rest } = p.rule;
  return { ...rest, target: target ?? "", pkts: 0, bytes: 0 };
}

function incompatible(chain: string): ExecResult {
  return fail(`iptables v1.8.9 (nf_tables): chain \`${chain}' in table \`filter' is incompatible, use 'nft' tool.\n`);
}

function list(host: Host, fw: FirewallState, p: Parsed): ExecResult {
  const f: ListFormat = { numeric: p.numeric, verbose: p.verbose, exact: p.exact, lineNumbers: p.lineNumbers };
  if (p.chain !== undefined) {
    const chain = fw.filter[p.chain];
    if (!chain) return incompatible(p.chain);
    if (p.num !== undefined) {
      const rule = chain.rules[p.num - 1];
      return ok(rule ? `${ruleLine(host, rule, p.num, f)}\n` : "");
    }
    return ok(listChain(host, fw, p.chain, f));
  }
  return ok(chainOrder(fw).map((c) => listChain(host, fw, c, f)).join("\n"));
}

function zero(fw: FirewallState, chain?: string, num?: number): void {
  for (const name of chain !== undefined ? [chain] : Object.keys(fw.filter)) {
    const c = fw.filter[name];
    if (!c) continue;
    if (num === undefined) {
      c.pkts = 0;
      c.bytes = 0;
    }
    c.rules.forEach((r, i) => {
      if (num === undefined || num === i + 1) {
        r.pkts = 0;
        r.bytes = 0;
      }
    });
  }
}

function apply(host: Host, p: Parsed): ExecResult {
  const state = host.state;
  if (p.command === "L" || p.command === "S") {
    // Listing never creates the table, like iptables-nft with no ruleset loaded.
    const fw = state.net.firewall ?? emptyFirewall();
    if (p.command === "S") {
      if (p.chain !== undefined && !fw.filter[p.chain]) return incompatible(p.chain);
      return ok(listRules(fw, p.chain !== undefined ? [p.chain] : chainOrder(fw), p.num));
    }
    const out = list(host, fw, p);
    if (p.zeroToo && state.net.firewall) zero(state.net.firewall, p.chain);
    return out;
  }
  const fw = firewallOf(state);
  const chainName = p.chain;
  const chain = chainName !== undefined ? fw.filter[chainName] : undefined;
  const target = p.rule.target;
  if (target !== undefined && !["ACCEPT", "DROP", "REJECT", "RETURN", "LOG", ""].includes(target) && !fw.filter[target]) {
    return fail(`iptables v1.8.9 (nf_tables): Chain '${target}' does not exist\n${HINT}`, 2);
  }
  switch (p.command) {
    case "A": case "I": case "C": case "R": case "D": {
      if (!chain) return fail(NO_CHAIN);
      const rule = newRule(p);
      if (p.command === "A") chain.rules.push(rule);
      else if (p.command === "I") {
        const pos = (p.num ?? 1) - 1;
        if (pos > chain.rules.length) return fail("iptables: Index of insertion too big.\n");
        chain.rules.splice(pos, 0, rule);
      } else if (p.command === "R") {
        const pos = (p.num ?? 1) - 1;
        if (pos >= chain.rules.length) return fail("iptables: Index of replacement too big.\n");
        chain.rules[pos] = rule;
      } else if (p.command === "D" && p.num !== undefined && !p.hasSpec) {
        if (p.num > chain.rules.length) return fail("iptables: Index of deletion too big.\n");
        chain.rules.splice(p.num - 1, 1);
      } else {
        const at = chain.rules.findIndex((r) => sameRule(r, rule));
        if (at < 0) return fail("iptables: Bad rule (does a matching rule exist in that chain?).\n");
        if (p.command === "D") chain.rules.splice(at, 1);
      }
      return ok("");
    }
    case "F": {
      if (chainName !== undefined) {
        if (!chain) return fail(NO_CHAIN);
        chain.rules = [];
      } else for (const c of Object.values(fw.filter)) c.rules = [];
      return ok("");
    }
    case "Z": {
      if (chainName !== undefined && !chain) return fail(NO_CHAIN);
      zero(fw, chainName, p.num);
      return ok("");
    }
    case "N": {
      if (chainName === undefined) return fail(`iptables v1.8.9 (nf_tables): option "-N" requires an argument\n${HINT}`, 2);
      if (chain) return fail("iptables: Chain already exists.\n");
      fw.filter[chainName] = emptyChain();
      return ok("");
    }
    case "X": {
      const busy = (name: string): boolean => isBuiltin(name) || references(fw, name) > 0 || (fw.filter[name]?.rules.length ?? 0) > 0;
      if (chainName !== undefined) {
        if (!chain) return fail(NO_CHAIN);
        if (busy(chainName)) return fail(`iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource busy): chain ${chainName}\n`, 4);
        delete fw.filter[chainName];
        return ok("");
      }
      for (const name of Object.keys(fw.filter)) if (!busy(name)) delete fw.filter[name];
      return ok("");
    }
    case "P": {
      if (!chainName || !isBuiltin(chainName) || !chain) return fail("iptables: Bad built-in chain name.\n");
      if (p.policy !== "ACCEPT" && p.policy !== "DROP") return fail("iptables: Bad policy name. Run `dmesg' for more information.\n");
      chain.policy = p.policy;
      return ok("");
    }
    default:
      return fail(`iptables v1.8.9 (nf_tables): no command specified\n${HINT}`, 2);
  }
}

export const iptables: HostCommand = {
  name: "iptables",
  async run(args, _ctx, rt) {
    let parsed: Parsed;
    try {
      parsed = parseArgs(args);
    } catch (e) {
      if (!(e instanceof IptError)) throw e;
      return fail(`${e.message}\n${e.usageHint ? HINT : ""}`, e.code);
    }
    if (rt.cred.uid !== 0) return fail(`iptables v1.8.9 (nf_tables): ${NOT_ROOT}\n`, 4);
    if (parsed.table !== "filter") {
      const chains = OTHER_TABLES[parsed.table];
      if (!chains) return fail(`iptables v1.8.9 (nf_tables): table '${parsed.table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`, 3);
      if (parsed.command === "L") {
        const f = { numeric: parsed.numeric, verbose: parsed.verbose, exact: parsed.exact, lineNumbers: parsed.lineNumbers };
        const fw: FirewallState = { filter: Object.fromEntries(chains.map((c) => [c, emptyChain("ACCEPT")])) };
        return ok(chains.map((c) => listChain(rt.host, fw, c, f)).join("\n"));
      }
      if (parsed.command === "S") return ok(chains.map((c) => `-P ${c} ACCEPT\n`).join(""));
      return fail(`iptables v1.8.9 (nf_tables): the ${parsed.table} table is not used on this host\n`, 1);
    }
    return apply(rt.host, parsed);
  },
};

export const iptablesSave: HostCommand = {
  name: "iptables-save",
  async run(args, _ctx, rt) {
    for (const a of args) {
      if (!["-c", "--counters", "-t", "filter", "--table"].includes(a)) {
        return fail(`iptables-save v1.8.9 (nf_tables): unknown option "${a}"\nTry \`iptables-save -h' for more information.\n`, 1);
      }
    }
    if (rt.cred.uid !== 0) return fail(`iptables-save v1.8.9 (nf_tables): ${NOT_ROOT}\n`, 1);
    const fw = rt.host.state.net.firewall;
    if (!fw) return ok("");
    return ok(saveText(fw, rt.host.now, args.includes("-c") || args.includes("--counters")));
  },
};
