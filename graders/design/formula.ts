/**
 * Tiny arithmetic over named quantities, for the formula behind an asked
 * estimate: `hosts * seriesPerHost / interval`, `rate * sampleBytes * [1 day]`.
 * Dimensions travel with the values so a problem author's formula that yields
 * bytes where the estimate asks for bytes per second is caught at load time.
 * `[...]` holds a literal quantity in any unit parseQuantity accepts.
 */
import { DIMENSION_EXPONENTS, parseQuantity, type Exponents } from "./units.ts";

export interface DimValue {
  value: number;
  exp: Exponents;
}

export class FormulaError extends Error {
  constructor(formula: string, message: string) {
    super(`formula "${formula}": ${message}`);
    this.name = "FormulaError";
  }
}

type Token = { t: "num"; v: number } | { t: "id"; v: string } | { t: "lit"; v: string } | { t: "op"; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "[") {
      const end = src.indexOf("]", i);
      if (end < 0) throw new FormulaError(src, "'[' without ']'");
      out.push({ t: "lit", v: src.slice(i + 1, end) });
      i = end + 1;
    } else if ("+-*/()".includes(c)) {
      out.push({ t: "op", v: c });
      i++;
    } else {
      const m = /^(\d+(?:\.\d+)?(?:e[-+]?\d+)?|[A-Za-z_]\w*)/i.exec(src.slice(i));
      if (!m) throw new FormulaError(src, `unexpected "${c}"`);
      const s = m[1]!;
      out.push(/^\d/.test(s) ? { t: "num", v: Number(s) } : { t: "id", v: s });
      i += s.length;
    }
  }
  return out;
}

/** Names the formula reads, in order of first use. */
export function formulaNames(src: string): string[] {
  const names: string[] = [];
  for (const tok of tokenize(src)) if (tok.t === "id" && !names.includes(tok.v)) names.push(tok.v);
  return names;
}

/** Evaluates with the given values; throws FormulaError on syntax, unknown names or mismatched dimensions. */
export function evaluateFormula(src: string, vars: Record<string, DimValue>): DimValue {
  const toks = tokenize(src);
  let pos = 0;
  const peek = () => toks[pos];
  const fail = (msg: string): never => {
    throw new FormulaError(src, msg);
  };

  function expr(): DimValue {
    let left = term();
    for (let tok = peek(); tok?.t === "op" && (tok.v === "+" || tok.v === "-"); tok = peek()) {
      pos++;
      const right = term();
      if (left.exp.data !== right.exp.data || left.exp.time !== right.exp.time) fail(`'${tok.v}' of quantities with different dimensions`);
      left = { value: tok.v === "+" ? left.value + right.value : left.value - right.value, exp: left.exp };
    }
    return left;
  }

  function term(): DimValue {
    let left = factor();
    for (let tok = peek(); tok?.t === "op" && (tok.v === "*" || tok.v === "/"); tok = peek()) {
      pos++;
      const right = factor();
      left =
        tok.v === "*"
          ? { value: left.value * right.value, exp: { data: left.exp.data + right.exp.data, time: left.exp.time + right.exp.time } }
          : { value: left.value / right.value, exp: { data: left.exp.data - right.exp.data, time: left.exp.time - right.exp.time } };
    }
    return left;
  }

  function factor(): DimValue {
    const tok = peek();
    if (!tok) return fail("ends too early");
    pos++;
    if (tok.t === "num") return { value: tok.v, exp: { data: 0, time: 0 } };
    if (tok.t === "id") return vars[tok.v] ?? fail(`unknown name "${tok.v}"`);
    if (tok.t === "lit") {
      try {
        const q = parseQuantity(tok.v);
        return { value: q.value, exp: DIMENSION_EXPONENTS[q.dimension] };
      } catch (e) {
        return fail((e as Error).message);
      }
    }
    if (tok.v === "(") {
      const v = expr();
      if (peek()?.v !== ")") fail("missing ')'");
      pos++;
      return v;
    }
    return fail(`unexpected "${tok.v}"`);
  }

  const result = expr();
  if (pos !== toks.length) fail(`unexpected "${String(toks[pos]!.v)}"`);
  return result;
}
