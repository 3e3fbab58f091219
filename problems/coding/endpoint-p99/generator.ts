import { createRng, type Rng } from "../../_lib/rng.ts";

// Hidden tests for endpoint-p99: random traffic over a set of routes (ids,
// query strings, segments that only start with digits), a sprinkle of
// malformed lines, heavy-tailed latencies, and large cases (up to 2·10^5
// lines) where one hot endpoint gets most of the traffic.

const METHODS = ["GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH"];
const ROUTES = ["/", "/health", "/api/users/{id}", "/api/users/{id}/orders", "/api/orders/{id}", "/v2/items/{id}", "/search", "/static/app.js", "/api/users/{id}x", "/login", "/a//b"];

function path(rng: Rng, route: string): string {
  let p = route.replace("{id}", String(rng.int(0, rng.chance(0.1) ? 99 : 100_000)));
  if (rng.chance(0.15)) p += "?" + rng.pick(["page=2", "q=1/2", "x=1?y=2", "expand=true"]);
  return p;
}

function latency(rng: Rng): number {
  const r = rng.next();
  if (r < 0.9) return rng.int(0, 200);
  if (r < 0.99) return rng.int(200, 2000);
  return rng.int(2000, 60_000);
}

function malformed(rng: Rng): string {
  const ok = `GET /api/users/${rng.int(1, 99)} 200 ${rng.int(0, 999)}ms`;
  switch (rng.int(0, 7)) {
    case 0: return ok.toLowerCase();
    case 1: return ok.replace(" ", "  ");
    case 2: return ok.replace("ms", "");
    case 3: return ok + " ";
    case 4: return ok.replace("200", "20");
    case 5: return ok.replace("ms", " ms");
    case 6: return "";
    default: return ok.replace(" 200 ", " 2O0 ");
  }
}

function traffic(rng: Rng, lines: number, routes: string[], hot: number, invalidRate: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    if (rng.chance(invalidRate)) {
      out.push(malformed(rng));
      continue;
    }
    const route = rng.chance(hot) ? (routes[0] as string) : rng.pick(routes);
    const method = route === routes[0] ? "GET" : rng.pick(METHODS);
    out.push(`${method} ${path(rng, route)} ${rng.pick(["200", "200", "201", "404", "500"])} ${latency(rng)}ms`);
  }
  return out;
}

export function generate(seed: number): unknown[][] {
  const rng = createRng(seed);
  const cases: unknown[][] = [];
  for (let t = 0; t < 12; t++) {
    const routes = rng.shuffle(ROUTES).slice(0, rng.int(1, 6));
    cases.push([traffic(rng, rng.int(1, 60), routes, 0, 0.15), rng.pick([0, 1, 2, 3, 10])]);
  }
  for (let t = 0; t < 4; t++) {
    cases.push([traffic(rng, rng.int(1000, 5000), ROUTES, 0.3, 0.05), rng.int(1, 12)]);
  }
  // Many distinct endpoints (about 8000), 5·10^4 lines.
  {
    const routes: string[] = [];
    for (let i = 0; i < 2000; i++) routes.push(`/s${i}/{id}`);
    cases.push([traffic(rng, 50_000, routes, 0, 0.02), 50]);
  }
  // Max size: 2·10^5 lines, 60 % on one hot endpoint.
  cases.push([traffic(rng, 200_000, ["/", "/health", "/u/{id}", "/login"], 0.6, 0.01), 3]);
  return cases;
}
