import { servicePort } from "../../net/services.ts";

/**
 * ss's filter expressions, the part people type: `sport = :80`,
 * `'( dport = :443 or sport = :443 )'`, `dport != :22`, `state established`,
 * combined with and/or/not and parentheses (juxtaposed terms mean and).
 */

export interface FilterSock {
  state: string;
  localPort: string;
  peerPort: string;
}

type Pred = (s: FilterSock) => boolean;

const STATES: Record<string, string[]> = {
  established: ["ESTAB"], listening: ["LISTEN", "UNCONN"], connected: ["ESTAB"], all: [],
  "time-wait": ["TIME-WAIT"], "close-wait": ["CLOSE-WAIT"], "syn-sent": ["SYN-SENT"], "syn-recv": ["SYN-RECV"], closed: ["UNCONN"],
};

const OPS: Record<string, (a: number, b: number) => boolean> = {
  "=": (a, b) => a === b, "==": (a, b) => a === b, eq: (a, b) => a === b, "!=": (a, b) => a !== b, ne: (a, b) => a !== b,
  ">": (a, b) => a > b, gt: (a, b) => a > b, "<": (a, b) => a < b, lt: (a, b) => a < b,
  ">=": (a, b) => a >= b, ge: (a, b) => a >= b, "<=": (a, b) => a <= b, le: (a, b) => a <= b,
};

/** Parses the words after the options; returns a predicate, or ss's error text. */
export function parseFilter(words: string[]): Pred | string {
  const tokens = words.join(" ").replace(/([()])/g, " $1 ").split(/\s+/).filter(Boolean);
  let i = 0;
  const portOf = (t: string): number | null => {
    const v = t.replace(/^.*:/, "");
    if (/^\d+$/.test(v)) return Number(v);
    return servicePort(v, "tcp");
  };
  const term = (): Pred | string => {
    const t = tokens[i++];
    if (t === undefined) return "ss: bison bellows (while parsing filter): \"syntax error!\" Sorry.";
    if (t === "(") {
      const inner = expr();
      if (typeof inner === "string") return inner;
      if (tokens[i++] !== ")") return "ss: bison bellows (while parsing filter): \"syntax error!\" Sorry.";
      return inner;
    }
    if (t === "not" || t === "!") {
      const inner = term();
      return typeof inner === "string" ? inner : (s) => !inner(s);
    }
    if (t === "state" || t === "exclude") {
      const name = (tokens[i++] ?? "").toLowerCase();
      const states = STATES[name];
      if (!states) return `ss: wrong state name: ${name}`;
      if (name === "all") return () => t === "state";
      return t === "state" ? (s) => states.includes(s.state) : (s) => !states.includes(s.state);
    }
    if (t === "sport" || t === "dport") {
      let op = tokens[i] ?? "";
      if (op in OPS) i++;
      else op = "=";
      const port = portOf(tokens[i++] ?? "");
      if (port === null) return "ss: bison bellows (while parsing filter): \"syntax error!\" Sorry.";
      const cmp = OPS[op] as (a: number, b: number) => boolean;
      return (s) => cmp(Number(t === "sport" ? s.localPort : s.peerPort), port);
    }
    return "ss: bison bellows (while parsing filter): \"syntax error!\" Sorry.";
  };
  const expr = (): Pred | string => {
    let left = term();
    while (typeof left !== "string" && i < tokens.length && tokens[i] !== ")") {
      let joiner = tokens[i] ?? "";
      if (["or", "|", "||", "and", "&", "&&"].includes(joiner)) i++;
      else joiner = "and";
      const right = term();
      if (typeof right === "string") return right;
      const l = left;
      left = joiner === "or" || joiner === "|" || joiner === "||" ? (s) => l(s) || right(s) : (s) => l(s) && right(s);
    }
    return left;
  };
  const pred = expr();
  if (typeof pred !== "string" && i < tokens.length) return "ss: bison bellows (while parsing filter): \"syntax error!\" Sorry.";
  return pred;
}
