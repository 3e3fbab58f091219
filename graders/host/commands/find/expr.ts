/**
 * find's expression language: tests and actions joined by implicit -a, with
 * !, -o and parentheses, parsed into a tree the walker evaluates per file.
 */

export type Node =
  | { op: "and" | "or"; left: Node; right: Node }
  | { op: "not"; expr: Node }
  | { op: "test"; name: string; arg: string }
  | { op: "action"; name: string; args: string[] };

/** Tests that take one argument. */
const UNARY = new Set(["-name", "-iname", "-path", "-wholename", "-ipath", "-type", "-size", "-mtime", "-mmin", "-newer", "-user", "-group", "-uid", "-gid", "-perm", "-links", "-inum", "-atime", "-amin", "-ctime", "-cmin"]);
const NULLARY_TESTS = new Set(["-empty", "-true", "-false", "-readable", "-writable", "-executable"]);
const ACTIONS = new Set(["-print", "-print0", "-delete", "-quit"]);

export interface Parsed {
  expr: Node | null;
  /** True when the expression contains an action; otherwise find adds -print. */
  hasAction: boolean;
}

export function parseExpression(tokens: string[]): Parsed | string {
  let i = 0;
  let hasAction = false;
  const peek = (): string | undefined => tokens[i];

  function primary(): Node | string {
    const t = tokens[i++];
    if (t === undefined) return "find: expected an expression after '-a'";
    if (t === "(") {
      const inner = or();
      if (typeof inner === "string") return inner;
      if (tokens[i++] !== ")") return "find: invalid expression; I was expecting to find a ')' somewhere but did not see one.";
      return inner;
    }
    if (t === "!" || t === "-not") {
      const e = primary();
      return typeof e === "string" ? e : { op: "not", expr: e };
    }
    if (UNARY.has(t)) {
      const arg = tokens[i++];
      if (arg === undefined) return `find: missing argument to \`${t}'`;
      return { op: "test", name: t, arg };
    }
    if (NULLARY_TESTS.has(t)) return { op: "test", name: t, arg: "" };
    if (ACTIONS.has(t)) {
      hasAction = true;
      return { op: "action", name: t, args: [] };
    }
    if (t === "-printf") {
      const format = tokens[i++];
      if (format === undefined) return "find: missing argument to `-printf'";
      hasAction = true;
      return { op: "action", name: t, args: [format] };
    }
    if (t === "-exec" || t === "-execdir" || t === "-ok") {
      const args: string[] = [];
      while (i < tokens.length && tokens[i] !== ";" && tokens[i] !== "+") args.push(tokens[i++] as string);
      const end = tokens[i++];
      if (end === undefined) return `find: missing argument to \`${t}'`;
      hasAction = true;
      return { op: "action", name: end === "+" ? "-exec+" : "-exec", args };
    }
    return `find: unknown predicate \`${t}'`;
  }

  function and(): Node | string {
    let left = primary();
    if (typeof left === "string") return left;
    while (i < tokens.length && peek() !== "-o" && peek() !== "-or" && peek() !== ")") {
      if (peek() === "-a" || peek() === "-and") i++;
      const right = primary();
      if (typeof right === "string") return right;
      left = { op: "and", left, right };
    }
    return left;
  }

  function or(): Node | string {
    let left = and();
    if (typeof left === "string") return left;
    while (peek() === "-o" || peek() === "-or") {
      i++;
      const right = and();
      if (typeof right === "string") return right;
      left = { op: "or", left, right };
    }
    return left;
  }

  if (tokens.length === 0) return { expr: null, hasAction: false };
  const expr = or();
  if (typeof expr === "string") return expr;
  if (i < tokens.length) return `find: paths must precede expression: \`${tokens[i]}'`;
  return { expr, hasAction };
}

/** Compiled patterns: find tests the same -name against every file it visits. */
const COMPILED = new Map<string, RegExp>();

/** fnmatch(3) without flags: *, ?, [...] and backslash escapes. */
export function globToRegExp(glob: string, ignoreCase = false): RegExp {
  const key = `${ignoreCase ? "i" : "c"}${glob}`;
  let re = COMPILED.get(key);
  if (re === undefined) {
    re = compileGlob(glob, ignoreCase);
    if (COMPILED.size > 500) COMPILED.clear();
    COMPILED.set(key, re);
  }
  return re;
}

function compileGlob(glob: string, ignoreCase: boolean): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "\\" && i + 1 < glob.length) re += `\\${glob[++i]}`;
    else re += c.replace(/[.+^${}()|\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, ignoreCase ? "is" : "s");
}
