import { arityOk, DIRECTIVES, type Ctx } from "./directives.ts";
import { checkDirective } from "./conf-check.ts";

/**
 * nginx's configuration reader (ngx_conf_file.c): the same tokenizer states
 * (quotes, escapes, `${var}`, comments, the space a closing quote demands),
 * the same block structure and `include` with globs, and the same checks in
 * the same order, so a broken file fails with nginx's own message at the line
 * where nginx notices it: a directive's errors name the line of the `;` or
 * `{` that ended it, which for a lost `;` is often the next line.
 */

export interface Directive {
  name: string;
  args: string[];
  file: string;
  /** Line of the token that ended the directive, where nginx reports its errors. */
  line: number;
  block?: Directive[];
}

/** What the reader may see of the filesystem, as the nginx master (root) sees it. */
export interface ConfFs {
  /** File text, or the errno nginx's open()/read() would report. */
  read(path: string): { text: string } | { errno: number; error: string };
  /** glob(3) with its default sorting; dotfiles only when the pattern names them. */
  glob(pattern: string): string[];
}

export class ConfError extends Error {}

const PREFIX = "/etc/nginx/";

type Tok = { kind: "ok" | "block" | "done" | "eof"; args: string[]; line: number };

class Reader {
  pos = 0;
  line = 1;
  readonly text: string;
  readonly file: string;
  constructor(text: string, file: string) {
    this.text = text;
    this.file = file;
  }

  fail(msg: string): never {
    throw new ConfError(`${msg} in ${this.file}:${this.line}`);
  }

  /** ngx_conf_read_token: one directive's words and how it ended. */
  next(): Tok {
    const args: string[] = [];
    let word: string | null = null;
    let lastSpace = true;
    let needSpace = false;
    let sharp = false;
    let quoted = false;
    let dq = false;
    let sq = false;
    let variable = false;
    const text = this.text;
    for (;;) {
      if (this.pos >= text.length) {
        if (args.length > 0 || !lastSpace) this.fail('unexpected end of file, expecting ";" or "}"');
        return { kind: "eof", args, line: this.line };
      }
      const ch = text[this.pos++] as string;
      if (ch === "\n") {
        this.line++;
        if (sharp) sharp = false;
      }
      if (sharp) continue;
      if (quoted) {
        quoted = false;
        word = (word ?? "") + ch;
        continue;
      }
      if (needSpace) {
        if (ch === " " || ch === "\t" || ch === "\r" || ch === "\n") {
          lastSpace = true;
          needSpace = false;
          continue;
        }
        if (ch === ";") return { kind: "ok", args, line: this.line };
        if (ch === "{") return { kind: "block", args, line: this.line };
        if (ch === ")") {
          lastSpace = true;
          needSpace = false;
        } else this.fail(`unexpected "${ch}"`);
      }
      if (lastSpace) {
        if (ch === " " || ch === "\t" || ch === "\r" || ch === "\n") continue;
        switch (ch) {
          case ";":
          case "{":
            if (args.length === 0) this.fail(`unexpected "${ch}"`);
            return { kind: ch === "{" ? "block" : "ok", args, line: this.line };
          case "}":
            if (args.length !== 0) this.fail('unexpected "}"');
            return { kind: "done", args, line: this.line };
          case "#":
            sharp = true;
            continue;
          case "\\":
            quoted = true;
            lastSpace = false;
            word = "\\";
            continue;
          case '"':
            dq = true;
            lastSpace = false;
            word = "";
            continue;
          case "'":
            sq = true;
            lastSpace = false;
            word = "";
            continue;
          case "$":
            variable = true;
            lastSpace = false;
            word = "$";
            continue;
          default:
            lastSpace = false;
            word = ch;
            continue;
        }
      }
      if (ch === "{" && variable) {
        word = (word ?? "") + ch;
        continue;
      }
      variable = false;
      if (ch === "\\") {
        quoted = true;
        word = (word ?? "") + ch;
        continue;
      }
      if (ch === "$") {
        variable = true;
        word = (word ?? "") + ch;
        continue;
      }
      let found = false;
      if (dq) {
        if (ch === '"') {
          dq = false;
          needSpace = true;
          found = true;
        }
      } else if (sq) {
        if (ch === "'") {
          sq = false;
          needSpace = true;
          found = true;
        }
      } else if (ch === " " || ch === "\t" || ch === "\r" || ch === "\n" || ch === ";" || ch === "{") {
        lastSpace = true;
        found = true;
      }
      if (!found) {
        word = (word ?? "") + ch;
        continue;
      }
      args.push(unescape(word ?? ""));
      word = null;
      if (ch === ";") return { kind: "ok", args, line: this.line };
      if (ch === "{") return { kind: "block", args, line: this.line };
    }
  }
}

/** nginx drops the backslash of \" \' \\ and turns \t \r \n into the characters. */
function unescape(raw: string): string {
  return raw.replace(/\\(["'\\trn])/g, (_m, c: string) => (c === "t" ? "\t" : c === "r" ? "\r" : c === "n" ? "\n" : c));
}

export interface ParseResult {
  tree: Directive[];
  /** Every file read, in order (nginx -T prints them). */
  files: { path: string; text: string }[];
}

/** Parse `path` and everything it includes; throws ConfError with nginx's message. */
export function parseConf(fsys: ConfFs, path: string): ParseResult {
  const files: { path: string; text: string }[] = [];
  const tree = parseFile(fsys, path, "main", files, null);
  return { tree, files };
}

function parseFile(fsys: ConfFs, path: string, ctx: Ctx, files: ParseResult["files"], from: { file: string; line: number } | null): Directive[] {
  const got = fsys.read(path);
  if ("errno" in got) {
    const where = from ? ` in ${from.file}:${from.line}` : "";
    throw new ConfError(`open() "${path}" failed (${got.errno}: ${got.error})${where}`);
  }
  files.push({ path, text: got.text });
  const reader = new Reader(got.text, path);
  return parseBlock(fsys, reader, ctx, false, files);
}

function parseBlock(fsys: ConfFs, reader: Reader, ctx: Ctx, inBlock: boolean, files: ParseResult["files"]): Directive[] {
  const out: Directive[] = [];
  const seen = new Set<string>();
  for (;;) {
    const tok = reader.next();
    if (tok.kind === "done") {
      if (!inBlock) reader.fail('unexpected "}"');
      return out;
    }
    if (tok.kind === "eof") {
      if (inBlock) reader.fail('unexpected end of file, expecting "}"');
      return out;
    }
    const [name = "", ...args] = tok.args;
    const d: Directive = { name, args, file: reader.file, line: tok.line };
    // Inside types { } every line maps a MIME type to extensions; no directive table applies.
    if (ctx === "types") {
      if (tok.kind === "block") reader.fail(`unexpected "{"`);
      out.push(d);
      continue;
    }
    const specs = DIRECTIVES[name];
    if (!specs) reader.fail(`unknown directive "${name}"`);
    const spec = specs.find((s) => s.ctx.includes(ctx));
    if (!spec) reader.fail(`"${name}" directive is not allowed here`);
    if (!spec.block && tok.kind !== "ok") reader.fail(`directive "${name}" is not terminated by ";"`);
    if (spec.block && tok.kind !== "block") reader.fail(`directive "${name}" has no opening "{"`);
    if (!arityOk(spec.arity, args.length)) reader.fail(`invalid number of arguments in "${name}" directive`);
    if (spec.flag && args[0] !== "on" && args[0] !== "off") {
      reader.fail(`invalid value "${args[0] ?? ""}" in "${name}" directive, it must be "on" or "off"`);
    }
    if (spec.unique) {
      if (seen.has(name)) reader.fail(`"${name}" directive is duplicate`);
      seen.add(name);
    }
    const bad = checkDirective(d, ctx);
    if (bad) reader.fail(bad);
    if (name === "include") {
      const pattern = (args[0] ?? "").startsWith("/") ? (args[0] ?? "") : PREFIX + (args[0] ?? "");
      const paths = /[*?[]/.test(pattern) ? fsys.glob(pattern) : [pattern];
      for (const p of paths) out.push(...parseFile(fsys, p, ctx, files, { file: reader.file, line: tok.line }));
      continue;
    }
    if (spec.block) {
      const inner: Ctx = name === "events" ? "events" : name === "http" ? "http" : name === "server" ? "server" : name === "upstream" ? "upstream" : name === "types" ? "types" : name === "if" ? "if" : name === "limit_except" ? "limit_except" : "location";
      d.block = parseBlock(fsys, reader, inner, true, files);
    }
    out.push(d);
  }
}
