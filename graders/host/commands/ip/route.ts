import type { ExecResult } from "just-bash";
import type { Runtime } from "../../shell/runtime.ts";
import type { Route } from "../../state/types.ts";
import { isLocalAddress, lookupRoute } from "../../net/route.ts";
import { inCidr, parseCidr, parseIpv4 } from "../../net/ipv4.ts";
import { fail, ok } from "../types.ts";

/**
 * `ip route add|del|replace|get` (iproute2 6.1) on the simulated main table.
 * Changes need root ("RTNETLINK answers: Operation not permitted"); get
 * runs the kernel's lookup and prints it with the caller's uid, as ip does.
 */

const usageErr = (msg: string): ExecResult => fail(`${msg}\n`, 2);

/** Main-table dump order: default first, then by network address, then prefix length. */
function sortKey(r: Route): [number, number] {
  const c = parseCidr(r.dst);
  return c ? [c.prefix === 0 ? -1 : c.net, c.prefix] : [Number.MAX_SAFE_INTEGER, 0];
}

function insertSorted(routes: Route[], route: Route): void {
  const [a, b] = sortKey(route);
  const at = routes.findIndex((r) => {
    const [x, y] = sortKey(r);
    return x > a || (x === a && y > b);
  });
  if (at < 0) routes.push(route);
  else routes.splice(at, 0, route);
}

function normDst(dst: string): string | null {
  if (dst === "default" || dst === "0.0.0.0/0") return "default";
  const c = parseCidr(dst);
  if (!c) return null;
  const [ip] = dst.split("/");
  return c.prefix === 32 ? (ip ?? dst) : `${[24, 16, 8, 0].map((s) => (c.net >>> s) & 0xff).join(".")}/${c.prefix}`;
}

interface Spec {
  dst?: string;
  via?: string;
  dev?: string;
  metric?: number;
  src?: string;
  scope?: "link" | "host";
  proto?: Route["proto"];
}

function parseSpec(args: string[]): Spec | ExecResult {
  const spec: Spec = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const v = args[i + 1];
    if (a === "via" || a === "dev" || a === "metric" || a === "src" || a === "scope" || a === "proto" || a === "table") {
      if (v === undefined) return usageErr(`Command line is not complete. Try option "help"`);
      i++;
      if (a === "via") spec.via = v;
      else if (a === "dev") spec.dev = v;
      else if (a === "metric") spec.metric = Number(v);
      else if (a === "src") spec.src = v;
      else if (a === "scope" && (v === "link" || v === "host")) spec.scope = v;
      else if (a === "proto") {
        if (v !== "dhcp" && v !== "kernel" && v !== "static" && v !== "boot") return usageErr(`Error: "${v}" is not a valid protocol.`);
        spec.proto = v;
      }
    } else if (a === "to") continue;
    else if (spec.dst === undefined) {
      const d = normDst(a);
      if (d === null) return usageErr(`Error: any valid prefix is expected rather than "${a}".`);
      spec.dst = d;
    } else return usageErr(`Error: either "to" is duplicate, or "${a}" is a garbage.`);
  }
  return spec;
}

function get(rt: Runtime, target: string | undefined): ExecResult {
  if (target === undefined || parseIpv4(target) === null) return usageErr(`Error: inet prefix is expected rather than "${target ?? ""}".`);
  const state = rt.host.state;
  const r = lookupRoute(state, target);
  const uid = rt.cred.uid;
  if (r.kind === "unreachable") return fail("RTNETLINK answers: Network is unreachable\n", 2);
  if (r.kind === "local") return ok(`local ${target} dev lo src ${r.src} uid ${uid} \n    cache <local> \n`);
  return ok(`${target} ${r.gateway ? `via ${r.gateway} ` : ""}dev ${r.dev} src ${r.src} uid ${uid} \n    cache \n`);
}

export function routeCommand(rt: Runtime, verb: string, args: string[]): ExecResult | null {
  if (verb === "get") return get(rt, args.find((a) => a !== "to"));
  const change = ["add", "del", "delete", "replace", "change", "append"];
  if (!change.includes(verb)) return null;
  if (rt.cred.uid !== 0) return fail("RTNETLINK answers: Operation not permitted\n", 2);
  const parsed = parseSpec(args);
  if ("exitCode" in parsed) return parsed;
  const spec = parsed;
  const state = rt.host.state;
  const routes = state.net.routes;
  if (spec.dst === undefined) return usageErr("Error: any valid prefix is expected rather than \"\".");
  const matches = (r: Route): boolean =>
    r.dst === spec.dst && (spec.via === undefined || r.via === spec.via) && (spec.dev === undefined || r.dev === spec.dev) && (spec.metric === undefined || (r.metric ?? 0) === spec.metric);
  if (verb === "del" || verb === "delete") {
    const at = routes.findIndex(matches);
    if (at < 0) return fail("RTNETLINK answers: No such process\n", 2);
    routes.splice(at, 1);
    return ok("");
  }
  // The gateway must be on a connected network of the device.
  let dev = spec.dev;
  if (spec.via !== undefined) {
    if (parseIpv4(spec.via) === null) return usageErr(`Error: inet address is expected rather than "${spec.via}".`);
    const onLink = routes.find((r) => r.scope === "link" && parseCidr(r.dst) !== null && inCidr(spec.via ?? "", parseCidr(r.dst) ?? { net: 0, prefix: 0 }) && (dev === undefined || r.dev === dev));
    if (!onLink || isLocalAddress(state, spec.via)) return usageErr("Error: Nexthop has invalid gateway.");
    dev ??= onLink.dev;
  }
  if (dev === undefined) return usageErr("Error: Device for nexthop is not up.");
  if (!state.net.interfaces.some((i) => i.name === dev)) return fail(`Cannot find device "${dev}"\n`, 1);
  const route: Route = { dst: spec.dst, dev, proto: spec.proto ?? "boot" };
  if (spec.via !== undefined) route.via = spec.via;
  else route.scope = "link";
  if (spec.src !== undefined) {
    if (!isLocalAddress(state, spec.src)) return usageErr("Error: Invalid prefsrc address.");
    route.src = spec.src;
  }
  if (spec.metric !== undefined) route.metric = spec.metric;
  const same = routes.findIndex((r) => r.dst === route.dst && (r.metric ?? 0) === (route.metric ?? 0));
  if (verb === "add" || verb === "append") {
    if (same >= 0) return fail("RTNETLINK answers: File exists\n", 2);
    insertSorted(routes, route);
  } else {
    if (same >= 0) routes.splice(same, 1);
    else if (verb === "change") return fail("RTNETLINK answers: No such file or directory\n", 2);
    insertSorted(routes, route);
  }
  return ok("");
}
