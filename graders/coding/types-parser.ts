/**
 * The small type language of problem signatures (docs/problem-format.md):
 * `number`, `string`, `boolean`, `null`, `T[]`, `[A, B]`, `Record<string, T>`,
 * `{ a: T; b: U }`, `A | B`, with parentheses for grouping (`(A | B)[]`).
 * Parsed once into a TypeNode, then used to validate JSON values and to print
 * starter code.
 */

export type TypeNode =
  | { kind: "number" }
  | { kind: "string" }
  | { kind: "boolean" }
  | { kind: "null" }
  | { kind: "array"; element: TypeNode }
  | { kind: "tuple"; elements: TypeNode[] }
  | { kind: "record"; value: TypeNode }
  | { kind: "object"; fields: { name: string; type: TypeNode }[] }
  | { kind: "union"; options: TypeNode[] };

export class TypeSyntaxError extends Error {
  readonly source: string;
  readonly offset: number;
  constructor(message: string, source: string, offset: number) {
    super(`${message} at column ${offset + 1} of "${source}"`);
    this.name = "TypeSyntaxError";
    this.source = source;
    this.offset = offset;
  }
}

const TOKEN = /\s*(?:([A-Za-z_$][\w$]*)|(\[\]|[[\]{}()<>|,;:]))/y;

function tokenize(source: string): { text: string; offset: number }[] {
  const tokens: { text: string; offset: number }[] = [];
  let pos = 0;
  while (pos < source.length) {
    if (/^\s*$/.test(source.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(source);
    if (!m) {
      const skipped = source.slice(pos).length - source.slice(pos).trimStart().length;
      throw new TypeSyntaxError("unexpected character", source, pos + skipped);
    }
    const text = (m[1] ?? m[2]) as string;
    tokens.push({ text, offset: TOKEN.lastIndex - text.length });
    pos = TOKEN.lastIndex;
  }
  return tokens;
}

/** Parses a type expression; throws TypeSyntaxError naming the column. */
export function parseType(source: string): TypeNode {
  const tokens = tokenize(source);
  let i = 0;
  const peek = (): string | undefined => tokens[i]?.text;
  const offset = (): number => tokens[i]?.offset ?? source.length;
  const expect = (text: string): void => {
    if (peek() !== text) throw new TypeSyntaxError(`expected "${text}"`, source, offset());
    i++;
  };

  const parseUnion = (): TypeNode => {
    const options = [parsePostfix()];
    while (peek() === "|") {
      i++;
      options.push(parsePostfix());
    }
    return options.length === 1 ? (options[0] as TypeNode) : { kind: "union", options };
  };

  const parsePostfix = (): TypeNode => {
    let node = parsePrimary();
    while (peek() === "[]") {
      i++;
      node = { kind: "array", element: node };
    }
    return node;
  };

  const parsePrimary = (): TypeNode => {
    const tok = peek();
    const at = offset();
    if (tok === undefined) throw new TypeSyntaxError("unexpected end of type", source, at);
    if (tok === "number" || tok === "string" || tok === "boolean" || tok === "null") {
      i++;
      return { kind: tok };
    }
    if (tok === "(") {
      i++;
      const inner = parseUnion();
      expect(")");
      return inner;
    }
    if (tok === "[") {
      i++;
      const elements: TypeNode[] = [];
      while (peek() !== "]") {
        elements.push(parseUnion());
        if (peek() === ",") i++;
        else break;
      }
      expect("]");
      if (elements.length === 0) throw new TypeSyntaxError("empty tuple", source, at);
      return { kind: "tuple", elements };
    }
    if (tok === "Record") {
      i++;
      expect("<");
      expect("string");
      expect(",");
      const value = parseUnion();
      expect(">");
      return { kind: "record", value };
    }
    if (tok === "{") {
      i++;
      const fields: { name: string; type: TypeNode }[] = [];
      while (peek() !== "}") {
        const name = peek();
        if (name === undefined || !/^[A-Za-z_$][\w$]*$/.test(name)) {
          throw new TypeSyntaxError("expected a field name", source, offset());
        }
        if (fields.some((f) => f.name === name)) throw new TypeSyntaxError(`duplicate field "${name}"`, source, offset());
        i++;
        expect(":");
        fields.push({ name, type: parseUnion() });
        if (peek() === ";" || peek() === ",") i++;
        else break;
      }
      expect("}");
      return { kind: "object", fields };
    }
    throw new TypeSyntaxError(`unknown type "${tok}"`, source, at);
  };

  const node = parseUnion();
  if (i < tokens.length) throw new TypeSyntaxError(`unexpected "${peek()}"`, source, offset());
  return node;
}

/** TypeScript spelling of a type (canonical form, used in starter code). */
export function formatType(node: TypeNode): string {
  switch (node.kind) {
    case "number":
    case "string":
    case "boolean":
    case "null":
      return node.kind;
    case "array": {
      const inner = formatType(node.element);
      return node.element.kind === "union" ? `(${inner})[]` : `${inner}[]`;
    }
    case "tuple":
      return `[${node.elements.map(formatType).join(", ")}]`;
    case "record":
      return `Record<string, ${formatType(node.value)}>`;
    case "object":
      return `{ ${node.fields.map((f) => `${f.name}: ${formatType(f.type)}`).join("; ")} }`;
    case "union":
      return node.options.map(formatType).join(" | ");
  }
}

/**
 * Checks a JSON value against a type. Returns null when it matches, else a
 * message naming the path of the first mismatch (`[2].name: expected string`).
 */
export function checkValue(node: TypeNode, value: unknown, path = ""): string | null {
  const fail = (what: string): string => `${path || "value"}: expected ${what}, got ${describe(value)}`;
  switch (node.kind) {
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : fail("number");
    case "string":
      return typeof value === "string" ? null : fail("string");
    case "boolean":
      return typeof value === "boolean" ? null : fail("boolean");
    case "null":
      return value === null ? null : fail("null");
    case "array": {
      if (!Array.isArray(value)) return fail(formatType(node));
      for (let i = 0; i < value.length; i++) {
        const err = checkValue(node.element, value[i], `${path}[${i}]`);
        if (err) return err;
      }
      return null;
    }
    case "tuple": {
      if (!Array.isArray(value) || value.length !== node.elements.length) return fail(formatType(node));
      for (let i = 0; i < node.elements.length; i++) {
        const err = checkValue(node.elements[i] as TypeNode, value[i], `${path}[${i}]`);
        if (err) return err;
      }
      return null;
    }
    case "record": {
      if (!isPlainObject(value)) return fail(formatType(node));
      for (const [k, v] of Object.entries(value)) {
        const err = checkValue(node.value, v, `${path}[${JSON.stringify(k)}]`);
        if (err) return err;
      }
      return null;
    }
    case "object": {
      if (!isPlainObject(value)) return fail(formatType(node));
      for (const f of node.fields) {
        if (!Object.hasOwn(value, f.name)) return `${path ? path + "." : ""}${f.name}: missing field`;
        const err = checkValue(f.type, value[f.name], `${path ? path + "." : ""}${f.name}`);
        if (err) return err;
      }
      for (const k of Object.keys(value)) {
        if (!node.fields.some((f) => f.name === k)) return `${path ? path + "." : ""}${k}: unexpected field`;
      }
      return null;
    }
    case "union": {
      for (const option of node.options) if (checkValue(option, value, path) === null) return null;
      return fail(formatType(node));
    }
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return typeof v;
}

/** Checks an argument list against the parameter types: null or a message naming the argument. */
export function checkArgs(params: readonly { name: string; type: TypeNode }[], args: unknown): string | null {
  if (!Array.isArray(args)) return `arguments: expected an array of ${params.length} values`;
  if (args.length !== params.length) return `arguments: expected ${params.length} values, got ${args.length}`;
  for (let i = 0; i < params.length; i++) {
    const p = params[i] as { name: string; type: TypeNode };
    const err = checkValue(p.type, args[i], p.name);
    if (err) return `argument ${i + 1}: ${err}`;
  }
  return null;
}
