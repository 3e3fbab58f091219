import type { Host } from "../../state/host.ts";
import type { NetAddr, NetInterface } from "../../state/types.ts";
import { fail, ok, type HostCommand } from "../types.ts";
import { routeCommand } from "./route.ts";

/**
 * `ip` from iproute2 6.1: addr (show, -4/-6, -br), link, route. Lines are
 * laid out as ip prints them, including the trailing space after inet6
 * scopes and after every route.
 */

/** A DHCP lease renews at half its hour, so valid_lft counts down between 3600 and 1800. */
function leaseLeft(host: Host): number {
  return 3600 - (Math.floor((host.now - host.state.clock.bootMs) / 1000) % 1800);
}

function flags(i: NetInterface): string {
  const base = i.link === "loopback" ? ["LOOPBACK"] : ["BROADCAST", "MULTICAST"];
  return `<${[...base, ...(i.up ? ["UP", "LOWER_UP"] : [])].join(",")}>`;
}

function linkHeader(i: NetInterface): string {
  const qdisc = i.link === "loopback" ? "noqueue" : "mq";
  const state = i.link === "loopback" ? "UNKNOWN" : i.up ? "UP" : "DOWN";
  const lines = [`${i.index}: ${i.name}: ${flags(i)} mtu ${i.mtu} qdisc ${qdisc} state ${state} group default qlen 1000`];
  lines.push(i.link === "loopback" ? "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00" : `    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff`);
  if (i.link === "ether") lines.push(`    altname enp0s${i.index + 3}`);
  return lines.join("\n") + "\n";
}

function addrLines(host: Host, i: NetInterface, a: NetAddr): string {
  const lft = a.dynamic ? `${leaseLeft(host)}sec` : "forever";
  if (a.family === "inet") {
    const metric = a.dynamic ? " metric 100" : "";
    const brd = a.broadcast ? ` brd ${a.broadcast}` : "";
    return `    inet ${a.address}/${a.prefix}${metric}${brd} scope ${a.scope}${a.dynamic ? " dynamic" : ""} ${i.name}\n       valid_lft ${lft} preferred_lft ${lft}\n`;
  }
  return `    inet6 ${a.address}/${a.prefix} scope ${a.scope} \n       valid_lft ${lft} preferred_lft ${lft}\n`;
}

function showAddr(host: Host, args: string[], family: "inet" | "inet6" | null, brief: boolean): { stdout: string; stderr: string; exitCode: number } {
  const devIdx = args.indexOf("dev");
  const name = devIdx >= 0 ? args[devIdx + 1] : args.find((a) => a !== "show" && a !== "list");
  const ifaces = host.state.net.interfaces.filter((i) => name === undefined || i.name === name);
  if (name !== undefined && ifaces.length === 0) return fail(`Device "${name}" does not exist.\n`);
  let out = "";
  for (const i of ifaces) {
    const addrs = i.addrs.filter((a) => family === null || a.family === family);
    if (brief) {
      const state = i.link === "loopback" ? "UNKNOWN" : i.up ? "UP" : "DOWN";
      out += `${i.name.padEnd(16)} ${state.padEnd(14)} ${addrs.map((a) => `${a.address}/${a.prefix} `).join("")}\n`;
      continue;
    }
    if (family !== null && addrs.length === 0) continue;
    out += linkHeader(i).split("\n").slice(0, family === null ? undefined : 1).join("\n").replace(/\n?$/, "\n");
    for (const a of addrs) out += addrLines(host, i, a);
  }
  return ok(out);
}

function showRoutes(host: Host): string {
  return host.state.net.routes
    .map((r) => {
      const parts = [r.dst];
      if (r.via) parts.push("via", r.via);
      // ip hides proto boot, the default for routes added by hand.
      parts.push("dev", r.dev);
      if (r.proto !== "boot") parts.push("proto", r.proto);
      if (r.scope) parts.push("scope", r.scope);
      if (r.src) parts.push("src", r.src);
      if (r.metric !== undefined) parts.push("metric", String(r.metric));
      return `${parts.join(" ")} \n`;
    })
    .join("");
}

export const ip: HostCommand = {
  name: "ip",
  async run(args, _ctx, rt) {
    let family: "inet" | "inet6" | null = null;
    let brief = false;
    const rest: string[] = [];
    for (const a of args) {
      if (a === "-4") family = "inet";
      else if (a === "-6") family = "inet6";
      else if (a === "-br" || a === "-brief" || a === "--brief") brief = true;
      else if (a === "-c" || a.startsWith("-color") || a.startsWith("--color")) continue;
      else rest.push(a);
    }
    const [object, ...more] = rest;
    if (object === undefined) return fail("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp | link |\n                   macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n", 255);
    if ("address".startsWith(object) || object === "addr" || object === "a") return showAddr(rt.host, more, family, brief);
    if ("link".startsWith(object)) {
      const out = rt.host.state.net.interfaces.map((i) => (brief ? `${i.name.padEnd(16)} ${(i.link === "loopback" ? "UNKNOWN" : "UP").padEnd(14)} ${i.mac} <${flags(i).slice(1, -1)}> \n` : linkHeader(i).split("\n").slice(0, 2).join("\n") + "\n")).join("");
      return ok(out);
    }
    if ("route".startsWith(object) || object === "r") {
      if (more[0] && more[0] !== "show" && more[0] !== "list") {
        const handled = routeCommand(rt, more[0], more.slice(1));
        if (handled) return handled;
        if (rt.cred.uid !== 0) return fail("RTNETLINK answers: Operation not permitted\n", 2);
        return fail(`Command "${more[0]}" is unknown, try "ip route help".\n`, 255);
      }
      return ok(showRoutes(rt.host));
    }
    return fail(`Object "${object}" is unknown, try "ip help".\n`, 255);
  },
};
