import type { FwRule } from "../../net/types.ts";
import { formatIpv4, maskOf, parseCidr, parseIpv4 } from "../../net/ipv4.ts";
import { servicePort } from "../../net/services.ts";

/**
 * iptables 1.8.9's command line: one command (-A, -D, -L, ...), its chain
 * and rule number, and a rule specification. Errors carry iptables' own
 * wording and exit status (2 for usage errors, 1 for rule set errors).
 */

export class IptError extends Error {
  readonly code: number;
  readonly usageHint: boolean;
  constructor(message: string, code: number, usageHint = false) {
    super(message);
    this.code = code;
    this.usageHint = usageHint;
  }
}

export type CommandLetter = "A" | "I" | "D" | "R" | "L" | "S" | "F" | "Z" | "N" | "X" | "P" | "C";

export interface Parsed {
  command: CommandLetter | null;
  chain?: string;
  num?: number;
  policy?: string;
  rule: Omit<FwRule, "pkts" | "bytes" | "target"> & { target?: string };
  /** Whether any rule-specification option was given (-D by spec vs by number). */
  hasSpec: boolean;
  table: string;
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
  /** -L -Z together: list, then zero. */
  zeroToo: boolean;
}

const LONG: Record<string, string> = {
  "--append": "-A", "--insert": "-I", "--delete": "-D", "--replace": "-R", "--list": "-L", "--list-rules": "-S",
  "--flush": "-F", "--zero": "-Z", "--new-chain": "-N", "--new": "-N", "--delete-chain": "-X", "--policy": "-P", "--check": "-C",
  "--numeric": "-n", "--verbose": "-v", "--exact": "-x", "--source": "-s", "--src": "-s", "--destination": "-d", "--dst": "-d",
  "--protocol": "-p", "--in-interface": "-i", "--out-interface": "-o", "--jump": "-j", "--table": "-t", "--match": "-m", "--wait": "-w",
};

const PROTOS: Record<string, "tcp" | "udp" | "icmp" | "all"> = { tcp: "tcp", udp: "udp", icmp: "icmp", all: "all", "6": "tcp", "17": "udp", "1": "icmp", "0": "all" };
const CT_ORDER = ["INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED", "SNAT", "DNAT"];

const usage = (msg: string): IptError => new IptError(`iptables v1.8.9 (nf_tables): ${msg}`, 2, true);

function parsePort(text: string, proto: "tcp" | "udp"): number {
  const n = /^\d+$/.test(text) ? Number(text) : servicePort(text, proto);
  if (n === null || n > 65535) throw usage(`invalid port/service \`${text}' specified`);
  return n;
}

/** -s/-d: a host or network, normalised as iptables stores it (host bits cleared). */
function parseAddr(text: string): string {
  const [addr, len] = text.split("/");
  if (parseIpv4(addr ?? "") === null) throw usage(`host/network \`${addr ?? text}' not found`);
  if (len !== undefined) {
    // A dotted mask is accepted too (10.0.0.0/255.0.0.0).
    const dotted = parseIpv4(len);
    const prefix = dotted !== null ? 32 - Math.clz32(~dotted >>> 0 === 0 ? 0 : ~dotted >>> 0) : Number(len);
    if (!/^\d+$/.test(len) && dotted === null) throw usage(`invalid mask \`${len}' specified`);
    if (prefix < 0 || prefix > 32) throw usage(`invalid mask \`${len}' specified`);
    const c = parseCidr(`${addr ?? ""}/${prefix}`);
    if (!c) throw usage(`host/network \`${text}' not found`);
    return `${formatIpv4((c.net & maskOf(c.prefix)) >>> 0)}/${c.prefix}`;
  }
  return `${addr ?? ""}/32`;
}

function parseStates(text: string, option: string): string[] {
  const states = text.split(",").map((s) => s.toUpperCase());
  for (const s of states) if (!CT_ORDER.includes(s)) throw usage(`Bad ${option === "--state" ? "state" : "ctstate"} "${s}"`);
  return CT_ORDER.filter((s) => states.includes(s));
}

/** Expands -nvL into -n -v -L, keeping option arguments in place. */
function expand(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (/^-[A-Za-z]{2,}$/.test(a)) for (const c of a.slice(1)) out.push(`-${c}`);
    else out.push(LONG[a] ?? a);
  }
  return out;
}

export function parseArgs(raw: string[]): Parsed {
  const args = expand(raw);
  const p: Parsed = { command: null, rule: {}, hasSpec: false, table: "filter", numeric: false, verbose: false, exact: false, lineNumbers: false, zeroToo: false };
  const matches: NonNullable<FwRule["matches"]> = [];
  const loaded = new Set<string>();
  let negate = false;
  const need = (i: number, opt: string): string => {
    const v = args[i];
    if (v === undefined) throw usage(`option "${opt}" requires an argument`);
    return v;
  };
  const setCommand = (c: CommandLetter): void => {
    if (p.command === "L" && c === "Z") {
      p.zeroToo = true;
      return;
    }
    if (p.command === "Z" && c === "L") {
      p.command = "L";
      p.zeroToo = true;
      return;
    }
    if (p.command !== null) throw usage("Cannot use -" + c + " with -" + p.command);
    p.command = c;
  };
  const useMatch = (m: NonNullable<FwRule["matches"]>[number]): void => {
    if (!matches.includes(m)) matches.push(m);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const next = args[i + 1];
    const optionalName = (): string | undefined => (next !== undefined && !next.startsWith("-") && next !== "!" ? (i++, next) : undefined);
    switch (a) {
      case "-A": case "-I": case "-D": case "-R": case "-C": case "-N": case "-P": {
        setCommand(a.slice(1) as CommandLetter);
        p.chain = need(++i, a);
        if (a === "-P") {
          const policy = args[i + 1];
          if (policy === undefined || policy.startsWith("-")) throw usage("-P requires a chain and a policy");
          p.policy = args[++i];
        } else if (a === "-I" || a === "-D" || a === "-R") {
          const n = args[i + 1];
          if (n !== undefined && /^-?\d+$/.test(n)) {
            i++;
            if (Number(n) < 1) throw usage(`Invalid rule number \`${n}'`);
            p.num = Number(n);
          } else if (a === "-R") throw usage("-R requires a rule number");
        }
        break;
      }
      case "-L": case "-S": case "-F": case "-Z": case "-X": {
        setCommand(a.slice(1) as CommandLetter);
        const chain = optionalName();
        if (chain !== undefined) {
          p.chain = chain;
          if ((a === "-L" || a === "-S" || a === "-Z") && args[i + 1] !== undefined && /^\d+$/.test(args[i + 1] as string)) p.num = Number(args[++i]);
        }
        break;
      }
      case "-n": p.numeric = true; break;
      case "-v": p.verbose = true; break;
      case "-x": p.exact = true; break;
      case "--line-numbers": p.lineNumbers = true; break;
      case "-w": if (next !== undefined && /^\d+$/.test(next)) i++; break;
      case "-t": p.table = need(++i, a); break;
      case "!": negate = true; continue;
      case "-s": p.rule.source = parseAddr(need(++i, a)); if (negate) p.rule.negSource = true; p.hasSpec = true; break;
      case "-d": p.rule.destination = parseAddr(need(++i, a)); p.hasSpec = true; break;
      case "-i": p.rule.inIface = need(++i, a); p.hasSpec = true; break;
      case "-o": p.rule.outIface = need(++i, a); p.hasSpec = true; break;
      case "-p": {
        const v = need(++i, a).toLowerCase();
        const proto = PROTOS[v];
        if (!proto) throw usage(`unknown protocol "${v}" specified`);
        p.rule.proto = proto;
        p.hasSpec = true;
        break;
      }
      case "-m": {
        const m = need(++i, a);
        if (!["tcp", "udp", "multiport", "state", "conntrack", "comment"].includes(m)) throw usage(`Couldn't load match \`${m}':No such file or directory`);
        loaded.add(m);
        if (m !== "tcp" && m !== "udp") useMatch(m as "multiport");
        p.hasSpec = true;
        break;
      }
      case "--dport": case "--destination-port": case "--sport": case "--source-port": {
        const proto = p.rule.proto;
        if (proto !== "tcp" && proto !== "udp") throw usage(`unknown option "${a}"`);
        useMatch(proto);
        const port = parsePort(need(++i, a), proto);
        if (a === "--dport" || a === "--destination-port") p.rule.dport = port;
        else p.rule.sport = port;
        break;
      }
      case "--dports": case "--destination-ports": {
        const proto = p.rule.proto;
        if (!loaded.has("multiport") || (proto !== "tcp" && proto !== "udp")) throw usage(`unknown option "${a}"`);
        p.rule.dports = need(++i, a).split(",").map((x) => parsePort(x, proto));
        break;
      }
      case "--state": case "--ctstate": {
        const mod = a === "--state" ? "state" : "conntrack";
        if (!loaded.has(mod)) throw usage(`unknown option "${a}"`);
        p.rule.ctstate = parseStates(need(++i, a), a);
        break;
      }
      case "--comment": {
        if (!loaded.has("comment")) throw usage(`unknown option "${a}"`);
        p.rule.comment = need(++i, a);
        break;
      }
      case "-j": {
        p.rule.target = need(++i, a);
        p.hasSpec = true;
        break;
      }
      case "--reject-with": {
        if (p.rule.target !== "REJECT") throw usage(`unknown option "${a}"`);
        p.rule.rejectWith = need(++i, a);
        break;
      }
      default:
        if (a.startsWith("-") && a.length > 1) throw usage(`unknown option "${a}"`);
        throw new IptError(`Bad argument \`${a}'`, 2, true);
    }
    negate = false;
  }
  if (matches.length > 0) p.rule.matches = matches;
  if (p.rule.target === "REJECT" && !p.rule.rejectWith) p.rule.rejectWith = "icmp-port-unreachable";
  if (p.command === null) throw usage("no command specified");
  return p;
}

/** Two rules are the same for -D/-C when every match and the target agree (counters aside). */
export function sameRule(a: FwRule, b: Omit<FwRule, "pkts" | "bytes">): boolean {
  const key = (r: Omit<FwRule, "pkts" | "bytes">): string =>
    JSON.stringify([r.source, r.negSource ?? false, r.destination, r.proto ?? "all", r.inIface, r.outIface, r.dport, r.sport, r.dports, r.ctstate, r.comment, r.target, r.rejectWith, r.matches ?? []]);
  return key(a) === key(b);
}
