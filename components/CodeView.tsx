import styles from "./CodeView.module.css";

/**
 * Read-only source with line numbers and light JS/TS highlighting, rendered on
 * the server (no Monaco needed for past submissions). Each line is one element,
 * so its text can be found and selected as written.
 */

type Tok = { t: "kw" | "str" | "num" | "com" | "fn" | "lit" | "type" | "plain"; v: string };

const KEYWORDS = new Set(
  "async await break case catch class const continue debugger default delete do else export extends finally for from function if import in instanceof let new of return static super switch this throw try typeof var void while yield type interface as implements readonly keyof enum declare namespace".split(
    " ",
  ),
);
const LITERALS = new Set(["true", "false", "null", "undefined", "NaN", "Infinity"]);
const TYPES = new Set(["string", "number", "boolean", "unknown", "any", "never", "object", "bigint", "symbol", "Record", "Map", "Set", "Array", "Promise"]);

const TOKEN_RE =
  /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|("(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|`(?:[^`\\]|\\[\s\S])*`?)|(\b(?:0[xob][\da-f_]+|\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?n?)\b)|([A-Za-z_$][\w$]*)(\s*\()?|(\s+|[^\sA-Za-z_$\d"'`/]+|\/)/gi;

function tokenize(code: string): Tok[] {
  const out: Tok[] = [];
  let m: RegExpExecArray | null;
  TOKEN_RE.lastIndex = 0;
  let last = 0;
  while ((m = TOKEN_RE.exec(code)) !== null) {
    if (m.index > last) out.push({ t: "plain", v: code.slice(last, m.index) });
    last = TOKEN_RE.lastIndex;
    if (m[0] === "") {
      TOKEN_RE.lastIndex++;
      continue;
    }
    if (m[1]) out.push({ t: "com", v: m[1] });
    else if (m[2]) out.push({ t: "str", v: m[2] });
    else if (m[3]) out.push({ t: "num", v: m[3] });
    else if (m[4]) {
      const w = m[4];
      if (KEYWORDS.has(w)) out.push({ t: "kw", v: w });
      else if (LITERALS.has(w)) out.push({ t: "lit", v: w });
      else if (TYPES.has(w)) out.push({ t: "type", v: w });
      else if (m[5]) out.push({ t: "fn", v: w });
      else out.push({ t: "plain", v: w });
      if (m[5]) out.push({ t: "plain", v: m[5] });
    } else out.push({ t: "plain", v: m[0] });
  }
  if (last < code.length) out.push({ t: "plain", v: code.slice(last) });
  return out;
}

/** Split tokens into lines (multi-line comments and template strings are cut at newlines). */
function toLines(tokens: Tok[]): Tok[][] {
  const lines: Tok[][] = [[]];
  for (const tok of tokens) {
    const parts = tok.v.split("\n");
    parts.forEach((p, i) => {
      if (i > 0) lines.push([]);
      if (p) lines[lines.length - 1]!.push({ t: tok.t, v: p });
    });
  }
  return lines;
}

export function CodeView({ code, label }: { code: string; label?: string }) {
  const lines = toLines(tokenize(code.replace(/\r\n?/g, "\n").replace(/\n$/, "")));
  const width = String(lines.length).length;
  return (
    <pre className={styles.code} aria-label={label} style={{ ["--gutter" as string]: `${width + 2}ch` }}>
      <code>
        {lines.map((line, i) => (
          <span key={i} className={styles.line}>
            <span className={styles.gutter} aria-hidden="true" data-n={i + 1} />
            <span className={styles.text}>
              {line.length === 0
                ? "\u200b"
                : line.map((tok, j) =>
                    tok.t === "plain" ? tok.v : (
                      <span key={j} className={styles[`t_${tok.t}`]}>
                        {tok.v}
                      </span>
                    ),
                  )}
            </span>
            {"\n"}
          </span>
        ))}
      </code>
    </pre>
  );
}
