/**
 * Maps diagram labels to component kinds through the alias lists in
 * aliases.json. The lists are data so mentors extend them without code;
 * a problem may add aliases of its own (problem.json "aliases").
 */
import { z } from "zod";
// A JSON module, not a file read at a path: bundlers (Next.js pages) and Node load it the same way.
import aliasesJson from "./aliases.json" with { type: "json" };

const kindSchema = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).min(1),
  generic: z.boolean().optional(),
  stateful: z.boolean().optional(),
  replicatedByDefault: z.boolean().optional(),
  implies: z.array(z.string()).optional(),
});

const aliasFileSchema = z.strictObject({
  $comment: z.string().optional(),
  kinds: z.record(z.string().regex(/^[a-z]+(-[a-z]+)*$/), kindSchema),
  replicaMarkers: z.array(z.string().min(1)),
});

export type KindDef = z.infer<typeof kindSchema>;

export interface Catalog {
  kinds: Record<string, KindDef>;
  replicaMarkers: string[];
}

let builtin: Catalog | undefined;

/** The catalog shipped in aliases.json, validated once. A broken file is a programming error, so this throws. */
export function builtinCatalog(): Catalog {
  if (!builtin) {
    const parsed = aliasFileSchema.parse(aliasesJson as unknown);
    for (const [id, def] of Object.entries(parsed.kinds)) {
      for (const imp of def.implies ?? []) if (!Object.hasOwn(parsed.kinds, imp)) throw new Error(`aliases.json: ${id}.implies names unknown kind "${imp}"`);
    }
    builtin = { kinds: parsed.kinds, replicaMarkers: parsed.replicaMarkers };
  }
  return builtin;
}

/** The builtin catalog plus a problem's extra aliases (kinds must already exist: checks are written against them). */
export function extendCatalog(base: Catalog, extra: Record<string, string[]> | undefined): Catalog {
  if (!extra) return base;
  const kinds: Record<string, KindDef> = { ...base.kinds };
  for (const [kind, aliases] of Object.entries(extra)) {
    const def = Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
    if (!def) throw new Error(`unknown kind "${kind}"`);
    kinds[kind] = { ...def, aliases: [...def.aliases, ...aliases] };
  }
  return { kinds, replicaMarkers: base.replicaMarkers };
}

/** Lower-case alphanumeric words; "×3" reads as "x3" and "Pub/Sub" as "pub sub". */
export function words(label: string): string[] {
  return label
    .toLowerCase()
    .replace(/×/g, "x")
    .split(/[^a-z0-9µ_]+/)
    .filter((w) => w !== "");
}

function wordMatches(token: string, alias: string): boolean {
  return token === alias || token === `${alias}s` || token === `${alias}es`;
}

/** True when the phrase's words appear consecutively in the label's words (plurals allowed). */
export function containsPhrase(labelWords: string[], phrase: string): boolean {
  return containsWords(labelWords, words(phrase));
}

function containsWords(labelWords: string[], p: string[]): boolean {
  if (p.length === 0) return false;
  outer: for (let i = 0; i + p.length <= labelWords.length; i++) {
    for (let j = 0; j < p.length; j++) if (!wordMatches(labelWords[i + j]!, p[j]!)) continue outer;
    return true;
  }
  return false;
}

interface Compiled {
  kinds: { id: string; def: KindDef; aliases: string[][] }[];
  markers: string[][];
}

// Every label is matched against every alias: tokenise the catalog once.
const compiled = new WeakMap<Catalog, Compiled>();

function compile(catalog: Catalog): Compiled {
  let c = compiled.get(catalog);
  if (!c) {
    c = {
      kinds: Object.entries(catalog.kinds).map(([id, def]) => ({ id, def, aliases: def.aliases.map(words) })),
      markers: catalog.replicaMarkers.map(words),
    };
    compiled.set(catalog, c);
  }
  return c;
}

/** Kinds a label names, including implied ones; generic kinds only when nothing specific matched. */
export function classify(label: string, catalog: Catalog): string[] {
  const w = words(label);
  const specific: string[] = [];
  const generic: string[] = [];
  for (const { id, def, aliases } of compile(catalog).kinds) {
    if (aliases.some((a) => containsWords(w, a))) (def.generic ? generic : specific).push(id);
  }
  const found = specific.length > 0 ? specific : generic;
  const out = new Set(found);
  for (const id of found) for (const imp of catalog.kinds[id]?.implies ?? []) out.add(imp);
  return [...out].sort();
}

/** The label says the component is replicated ("Postgres primary + replica", "Kafka RF=3", "etcd ×3"). */
export function hasReplicaMarker(label: string, catalog: Catalog): boolean {
  const w = words(label);
  return compile(catalog).markers.some((m) => containsWords(w, m));
}

export function kindName(kind: string, catalog: Catalog): string {
  return catalog.kinds[kind]?.name ?? kind;
}
