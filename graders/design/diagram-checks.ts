/**
 * Objective checks on the component graph: required kinds, ordered paths,
 * "every X→Y path passes through Z", replication of stateful stores, and
 * forbidden edges, paths and kinds. Forbidden checks need something drawn:
 * an empty canvas must not earn points for containing nothing bad.
 */
import { successors, type Graph, type GraphEdge, type GraphNode } from "./diagram.ts";
import { containsPhrase, hasReplicaMarker, kindName, words, type Catalog } from "./kinds.ts";
import type { DiagramCheck } from "./problem-schema.ts";
import { result, type CheckResult } from "./results.ts";

const has = (n: GraphNode, kind: string) => n.kinds.includes(kind);

/**
 * A walk visiting nodes of `kinds` in order, other nodes allowed in between
 * (client → CDN → LB → service satisfies client → load balancer → service).
 * Returns the labels along the walk, or null. `blocked` nodes are never entered.
 */
export function findKindPath(
  g: Graph,
  kinds: string[],
  blocked: (n: GraphNode) => boolean = () => false,
  skipEdge: (e: GraphEdge) => boolean = () => false,
): string[] | null {
  const next = successors(g, skipEdge);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  type State = { id: string; stage: number };
  const keyOf = (s: State) => `${s.id}#${s.stage}`;
  const parent = new Map<string, string | null>();
  const queue: State[] = [];
  for (const n of g.nodes) {
    if (has(n, kinds[0]!) && !blocked(n)) {
      const s = { id: n.id, stage: 1 };
      parent.set(keyOf(s), null);
      queue.push(s);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const cur = queue[i]!;
    if (cur.stage === kinds.length) return trail(keyOf(cur));
    for (const m of next.get(cur.id) ?? []) {
      const node = byId.get(m);
      if (!node || blocked(node)) continue;
      const stages = has(node, kinds[cur.stage]!) ? [cur.stage + 1, cur.stage] : [cur.stage];
      for (const stage of stages) {
        const s = { id: m, stage };
        if (parent.has(keyOf(s))) continue;
        parent.set(keyOf(s), keyOf(cur));
        queue.push(s);
      }
    }
  }
  return null;

  function trail(k: string): string[] {
    const ids: string[] = [];
    for (let at: string | null | undefined = k; at; at = parent.get(at)) ids.push(at.split("#")[0]!);
    return ids.reverse().map((id) => byId.get(id)?.label ?? id);
  }
}

function isReplicated(n: GraphNode, g: Graph, catalog: Catalog): boolean {
  if (n.replicaMarked) return true;
  if (n.kinds.some((k) => catalog.kinds[k]?.replicatedByDefault)) return true;
  const stateful = n.kinds.filter((k) => catalog.kinds[k]?.stateful);
  const byId = new Map(g.nodes.map((x) => [x.id, x]));
  // A drawn replica: an edge to a same-kind node that is marked as a replica, or an edge labelled as replication.
  return g.edges.some((e) => {
    const otherId = e.from === n.id ? e.to : e.to === n.id ? e.from : undefined;
    const other = otherId ? byId.get(otherId) : undefined;
    if (!other || !other.kinds.some((k) => stateful.includes(k))) return false;
    return other.replicaMarked || hasReplicaMarker(e.label, catalog);
  });
}

export function runDiagramCheck(check: DiagramCheck, g: Graph, catalog: Catalog): CheckResult {
  const name = (k: string) => kindName(k, catalog);
  const fail = (why: string) => result(check, 0, `${why} ${check.teach}`);
  const pass = (msg: string) => result(check, 1, msg);
  const nothingDrawn = g.edges.length === 0;

  switch (check.type) {
    case "has-kind": {
      const found = g.nodes.filter((n) => has(n, check.kind));
      const min = check.min ?? 1;
      if (found.length >= min) return pass(`${name(check.kind)}: ${found.map((n) => n.label).join(", ")}.`);
      return fail(found.length === 0 ? `No ${name(check.kind)} in the diagram.` : `Only ${found.length} ${name(check.kind)}; at least ${min} expected.`);
    }
    case "path": {
      const p = findKindPath(g, check.kinds);
      const want = check.kinds.map(name).join(" → ");
      return p ? pass(`${want}: ${p.join(" → ")}.`) : fail(`No connected path ${want} (arrows must be attached to the boxes and point the way traffic flows).`);
    }
    case "through": {
      // Read paths ("reads", "query history") may legitimately skip a write buffer.
      const skip = (e: GraphEdge) => (check.ignoreEdgeLabels ?? []).some((p) => containsPhrase(words(e.label), p));
      const any = findKindPath(g, [check.from, check.to], undefined, skip);
      if (!any) return fail(`No path from a ${name(check.from)} to a ${name(check.to)}.`);
      const bypass = findKindPath(g, [check.from, check.to], (n) => has(n, check.via), skip);
      if (bypass) return fail(`${bypass.join(" → ")} reaches a ${name(check.to)} without passing a ${name(check.via)}.`);
      return pass(`Every path from ${name(check.from)} to ${name(check.to)} passes a ${name(check.via)}.`);
    }
    case "replicated": {
      const targets = g.nodes.filter((n) => (check.kinds ? n.kinds.some((k) => check.kinds!.includes(k)) : n.kinds.some((k) => catalog.kinds[k]?.stateful)));
      if (targets.length === 0) return fail(`No ${check.kinds ? check.kinds.map(name).join(" or ") : "stateful store"} in the diagram to check.`);
      const single = targets.filter((n) => !isReplicated(n, g, catalog));
      if (single.length === 0) return pass(`Replicated: ${targets.map((n) => n.label).join(", ")}.`);
      return fail(`No replica shown for: ${single.map((n) => `"${n.label}"`).join(", ")}.`);
    }
    case "forbid-edge": {
      if (nothingDrawn) return fail("Nothing connected in the diagram to check.");
      const byId = new Map(g.nodes.map((n) => [n.id, n]));
      // A two-way arrow counts in both directions; report it the way it breaks the rule.
      for (const e of g.edges) {
        const a = byId.get(e.from)!;
        const b = byId.get(e.to)!;
        if (has(a, check.from) && has(b, check.to)) return fail(`"${a.label}" connects directly to "${b.label}".`);
        if (e.bidirectional && has(b, check.from) && has(a, check.to)) return fail(`"${b.label}" connects directly to "${a.label}".`);
      }
      return pass(`No ${name(check.from)} talks directly to a ${name(check.to)}.`);
    }
    case "forbid-path": {
      if (nothingDrawn) return fail("Nothing connected in the diagram to check.");
      const p = findKindPath(g, check.kinds);
      return p ? fail(`${p.join(" → ")} is a path this design should not have.`) : pass(`No path ${check.kinds.map(name).join(" → ")}.`);
    }
    case "forbid-kind": {
      if (nothingDrawn) return fail("Nothing connected in the diagram to check.");
      const found = g.nodes.filter((n) => has(n, check.kind));
      return found.length === 0 ? pass(`No ${name(check.kind)}.`) : fail(`${found.map((n) => `"${n.label}"`).join(", ")} is a ${name(check.kind)}.`);
    }
  }
}
